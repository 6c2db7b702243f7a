// Runs requests of the official Postman collection (v2.1) against the sandbox: variables from the sandbox
// environment file, {{$guid}}, folder-inherited bearer auth, and the collection's own pre-request and test
// scripts executed in a node:vm context with a minimal `pm` (environment get/set and responseBody).
import crypto from 'node:crypto';
import vm from 'node:vm';
import { readResponse, type Response } from './client';

interface PostmanKeyValue {
  key: string;
  value: string;
  disabled?: boolean;
  /** Environment files mark switched-off variables with enabled: false. */
  enabled?: boolean;
}

interface PostmanAuth {
  type: string;
  bearer?: PostmanKeyValue[];
}

interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { exec: string[] };
}

interface PostmanRequest {
  method: string;
  url: string | { raw: string };
  header?: PostmanKeyValue[];
  body?: { mode?: string; raw?: string; urlencoded?: PostmanKeyValue[] };
  auth?: PostmanAuth;
}

interface PostmanNode {
  name: string;
  item?: PostmanNode[];
  request?: PostmanRequest;
  event?: PostmanEvent[];
  auth?: PostmanAuth;
}

export interface PostmanCollection {
  item: PostmanNode[];
}

export interface PostmanEnvironment {
  values: PostmanKeyValue[];
}

export interface FlatItem {
  /** Folder path and name, e.g. "Consent Service/Create Consent". */
  readonly id: string;
  readonly name: string;
  readonly folder: string;
  readonly request: PostmanRequest;
  readonly events: PostmanEvent[];
  readonly auth: PostmanAuth | undefined;
}

export function flatten(nodes: PostmanNode[], folder = '', inherited?: PostmanAuth): FlatItem[] {
  return nodes.flatMap((node) => {
    const auth = node.auth ?? inherited;
    if (node.item) return flatten(node.item, folder ? `${folder}/${node.name}` : node.name, auth);
    if (!node.request) return [];
    return [{ id: `${folder}/${node.name}`, name: node.name, folder, request: node.request, events: node.event ?? [], auth: node.request.auth ?? auth }];
  });
}

// Postman has no Date.prototype.addDays; the collection's scripts call it, so the vm context defines it.
const PRELUDE = `Date.prototype.addDays = function (days) { const d = new Date(this.valueOf()); d.setDate(d.getDate() + days); return d; };`;

export class PostmanRunner {
  readonly vars = new Map<string, string>();
  private readonly context: vm.Context;

  constructor(environment: PostmanEnvironment, overrides: Record<string, string>) {
    for (const v of environment.values) if (v.enabled !== false) this.vars.set(v.key, v.value);
    for (const [k, v] of Object.entries(overrides)) this.vars.set(k, v);
    const environmentApi = {
      set: (key: string, value: unknown) => this.vars.set(key, String(value)),
      get: (key: string) => this.vars.get(key),
    };
    this.context = vm.createContext({ pm: { environment: environmentApi }, responseBody: '' });
    vm.runInContext(PRELUDE, this.context);
  }

  substitute(text: string): string {
    return text.replace(/\{\{([^}]+)\}\}/g, (_m, name: string) => (name === '$guid' ? crypto.randomUUID() : (this.vars.get(name) ?? '')));
  }

  /** The request URL with variables filled; the sandbox speaks http on loopback, so https becomes http. */
  url(item: FlatItem): string {
    const raw = typeof item.request.url === 'string' ? item.request.url : item.request.url.raw;
    return this.substitute(raw).replace(/^https:\/\//, 'http://');
  }

  runScripts(item: FlatItem, listen: PostmanEvent['listen'], responseBody = ''): void {
    for (const event of item.events.filter((e) => e.listen === listen)) {
      const code = event.script.exec.join('\n');
      if (!code.trim()) continue;
      this.context['responseBody'] = responseBody;
      vm.runInContext(code, this.context, { filename: `${item.id} (${listen})`, timeout: 1000 });
    }
  }

  async send(item: FlatItem): Promise<Response> {
    this.runScripts(item, 'prerequest');
    const headers: Record<string, string> = {};
    for (const h of item.request.header ?? []) if (!h.disabled) headers[h.key] = this.substitute(h.value);
    if (item.auth?.type === 'bearer') {
      const token = item.auth.bearer?.find((b) => b.key === 'token')?.value ?? '';
      headers['Authorization'] = `Bearer ${this.substitute(token)}`;
    }
    let body: string | undefined;
    const spec = item.request.body;
    if (spec?.mode === 'raw' && spec.raw !== undefined) body = this.substitute(spec.raw);
    if (spec?.mode === 'urlencoded') {
      body = new URLSearchParams((spec.urlencoded ?? []).filter((f) => !f.disabled).map((f): [string, string] => [f.key, this.substitute(f.value)])).toString();
    }
    const method = item.request.method.toUpperCase();
    const res = await readResponse(await fetch(this.url(item), { method, headers, ...(body !== undefined && method !== 'GET' ? { body } : {}) }));
    if (res.status < 300) this.runScripts(item, 'test', res.text);
    return res;
  }
}
