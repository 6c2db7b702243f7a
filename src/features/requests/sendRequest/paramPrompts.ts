// Asks for an operation's parameters: required ones one by one (prefilled from what was used last), then
// one optional step for optional query parameters and a custom X-Request-ID. Escape at any step cancels.
import * as vscode from 'vscode';
import type { Operation } from '../../../client/catalogue/catalogue';
import type { OperationParam } from '../../../client/catalogue/operationTypes';
import type { ParamMemory } from '../../../host/paramMemory';
import type { Prompter } from '../../../host/prompter';
import { SETTINGS_HEADERS, type PsuHeaderSettings } from '../../../client/http/psuHeaderRules';
import { isRequestId } from '../../../client/http/requestId';

const CUSTOM_REQUEST_ID = 'X-Request-ID';

// Header parameters whose values come from settings; they are asked for only when required and unset.
const SETTING_FOR_HEADER: ReadonlyMap<string, keyof PsuHeaderSettings> = new Map(SETTINGS_HEADERS.map((h) => [h.header.toLowerCase(), h.setting]));

export interface CollectedParams {
  readonly params: Record<string, string>;
  readonly requestId?: string;
}

interface OptionalItem extends vscode.QuickPickItem {
  readonly param?: OperationParam;
  readonly id: string;
}

export class ParamPrompts {
  constructor(
    private readonly prompter: Prompter,
    private readonly memory: ParamMemory,
  ) {}

  async collect(
    operation: Operation,
    environmentId: string,
    given: Readonly<Record<string, string | undefined>>,
    psuHeaders: PsuHeaderSettings,
  ): Promise<CollectedParams | undefined> {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(given)) if (value !== undefined && value !== '') params[name] = value;

    const required = operation.params.filter((p) => p.required && params[p.name] === undefined && !this.fromSettings(p, psuHeaders));
    for (const [index, param] of required.entries()) {
      const value = await this.ask(operation, param, environmentId, `${index + 1}/${required.length}`);
      if (value === undefined) return undefined;
      params[param.name] = value;
    }

    const optional = operation.params.filter((p) => !p.required && p.in === 'query' && params[p.name] === undefined);
    const items: OptionalItem[] = [
      ...optional.map((param) => ({ id: param.name, param, label: param.name, description: param.description })),
      { id: CUSTOM_REQUEST_ID, label: vscode.l10n.t('Own X-Request-ID'), description: vscode.l10n.t('Send a UUID of your own to trace this call in your system.') },
    ];
    const chosen = await this.prompter.pickMany(items, {
      title: vscode.l10n.t('{0}: optional parameters', operation.title),
      placeHolder: vscode.l10n.t('Select optional parameters to set, or press Enter to send without them'),
      ignoreFocusOut: true,
    });
    if (chosen === undefined) return undefined;
    let requestId: string | undefined;
    for (const item of chosen) {
      if (item.param) {
        const value = await this.ask(operation, item.param, environmentId, vscode.l10n.t('optional'));
        if (value === undefined) return undefined;
        params[item.param.name] = value;
      } else {
        requestId = await this.askRequestId(operation);
        if (requestId === undefined) return undefined;
      }
    }
    await this.memory.remember(environmentId, params);
    return { params, requestId };
  }

  private fromSettings(param: OperationParam, psu: PsuHeaderSettings): boolean {
    if (param.in !== 'header') return false;
    const setting = SETTING_FOR_HEADER.get(param.name.toLowerCase());
    return setting !== undefined && psu[setting] !== undefined && psu[setting] !== '';
  }

  private async ask(operation: Operation, param: OperationParam, environmentId: string, step: string): Promise<string | undefined> {
    const remembered = this.memory.get(environmentId, param.name);
    const title = vscode.l10n.t('{0} ({1}): {2}', operation.title, step, param.name);
    if (param.enum?.length) {
      const items = param.enum.map((value) => ({ id: value, label: value, picked: value === remembered }));
      const ordered = remembered ? [...items.filter((i) => i.id === remembered), ...items.filter((i) => i.id !== remembered)] : items;
      const picked = await this.prompter.pick(ordered, { title, placeHolder: param.description, ignoreFocusOut: true });
      return picked?.id;
    }
    const pattern = param.pattern ? new RegExp(param.pattern) : undefined;
    const answer = await this.prompter.input({
      title,
      prompt: param.description,
      placeHolder: param.example,
      value: remembered ?? '',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const trimmed = value.trim();
        if (!trimmed) return param.required ? vscode.l10n.t('{0} is required.', param.name) : undefined;
        // The example, not the pattern: a regular expression tells a user little about what to type.
        if (pattern && !pattern.test(trimmed)) return vscode.l10n.t('{0} must look like {1}. {2}', param.name, param.example ?? '', param.description);
        if (/[\r\n]/.test(value)) return vscode.l10n.t('{0} cannot contain line breaks.', param.name);
        return undefined;
      },
    });
    return answer === undefined ? undefined : answer.trim();
  }

  private async askRequestId(operation: Operation): Promise<string | undefined> {
    const answer = await this.prompter.input({
      title: vscode.l10n.t('{0}: X-Request-ID', operation.title),
      prompt: vscode.l10n.t('Enter the UUID to send as X-Request-ID (retries still get fresh ones).'),
      ignoreFocusOut: true,
      validateInput: (value) => (isRequestId(value.trim()) ? undefined : vscode.l10n.t('An X-Request-ID must be a UUID, for example 1b3e1e7a-5d5c-4b52-9f0e-4a4c2b8d9e10.')),
    });
    return answer?.trim();
  }
}
