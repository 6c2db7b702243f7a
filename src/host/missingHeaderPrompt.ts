// A call stopped before sending because a header that comes from a setting is empty (a bank requires it, or
// the operation declares it required) is not a dead end: the user is asked for the value right there, with
// what it means and an example, chooses whether to keep it in its setting, and the request goes out with it.
import * as vscode from 'vscode';
import { settingsHeaderNamed, type PsuHeaderSettings, type SettingsHeader } from '../client/http/psuHeaderRules';
import type { RequestFailure } from '../client/http/requestFailure';
import { notificationSafeId } from '../client/text/notificationSafe';
import type { Logger } from './logger';
import type { Prompter } from './prompter';
import { PSU_HEADER_SETTING_IDS } from './settings/requestSettings';

/** The value to send, under the header's name as the failure (and so the operation) spells it. */
export interface MissingHeaderAnswer {
  readonly header: string;
  readonly value: string;
}

export type SaveHeaderSetting = (setting: keyof PsuHeaderSettings, value: string) => Thenable<void>;

// What Node's HTTP layer accepts in a header value (as the request preparation checks).
const INVALID_HEADER_CHARS = /[^\t\x20-\x7e\x80-\xff]/;

/** The settings header a validation failure is about, when the user could fill it in and send again. */
export function missingSettingsHeader(failure: RequestFailure): SettingsHeader | undefined {
  if (failure.kind !== 'validation' || failure.param === undefined) return undefined;
  if (failure.causeCode !== 'MISSING_PARAM' && failure.causeCode !== 'MISSING_BANK_HEADER') return undefined;
  return settingsHeaderNamed(failure.param);
}

export class MissingHeaderPrompt {
  constructor(
    private readonly prompter: Prompter,
    private readonly logger: Logger,
    /** Keeps a value in its setting (RequestSettingsReader.savePsuHeader). */
    private readonly save: SaveHeaderSetting,
  ) {}

  /** Asks for the header `failure` names; undefined when it is not such a header or the user pressed Escape. */
  async ask(title: string, failure: RequestFailure): Promise<MissingHeaderAnswer | undefined> {
    const rule = missingSettingsHeader(failure);
    const header = failure.param;
    if (!rule || header === undefined) return undefined;
    const setting = PSU_HEADER_SETTING_IDS[rule.setting];
    // The BIC can come from the bank directory, i.e. from a server; it is shown only when it looks like one.
    const bank = notificationSafeId(failure.bicFi);
    const why = bank ? vscode.l10n.t('{0} requires the header {1}, and the setting {2} is empty.', bank, header, setting) : vscode.l10n.t('{0} requires the header {1}, and the setting {2} is empty.', title, header, setting);
    const typed = await this.prompter.input({
      title: vscode.l10n.t('{0}: {1}', title, header),
      prompt: vscode.l10n.t('{0} {1} For example: {2}', why, vscode.l10n.t(rule.meaning), rule.example),
      placeHolder: rule.example,
      ignoreFocusOut: true,
      validateInput: (value) => {
        if (!value.trim()) return vscode.l10n.t('Enter the value to send as {0}, or press Escape to send nothing.', header);
        if (INVALID_HEADER_CHARS.test(value)) return vscode.l10n.t('{0} cannot contain line breaks or control characters.', header);
        return undefined;
      },
    });
    const value = typed?.trim();
    if (!value) return undefined;
    const choice = await this.prompter.pick(
      [
        {
          id: 'save',
          label: vscode.l10n.t('Send, and save it in {0}', setting),
          description: vscode.l10n.t('default'),
          detail: vscode.l10n.t('Later calls send the same {0} without asking; change it in Settings at any time.', header),
        },
        { id: 'once', label: vscode.l10n.t('Send, for this request only'), detail: vscode.l10n.t('{0} stays empty, so the next call that needs {1} asks again.', setting, header) },
      ],
      { title: vscode.l10n.t('{0}: keep {1} = {2}?', title, header, value), placeHolder: vscode.l10n.t('Save the value in your user settings, or use it once'), ignoreFocusOut: true },
    );
    if (!choice) return undefined;
    if (choice.id === 'save') await this.saveSetting(rule, setting, value);
    return { header, value };
  }

  private async saveSetting(rule: SettingsHeader, setting: string, value: string): Promise<void> {
    try {
      await this.save(rule.setting, value);
      this.logger.info(`${setting} saved in the user settings.`);
    } catch (error) {
      // The request still goes out with the value; only keeping it failed.
      this.logger.error(`Saving ${setting} failed`, error);
      void vscode.window.showWarningMessage(vscode.l10n.t('The value was sent but could not be saved in {0}. Set it in Settings to keep it.', setting));
    }
  }
}
