// The fake bank page a PSU sees during redirect SCA. No script; labels and names are stable so the
// extension's UI tests and the sandbox tests can drive it like a browser (fill psuId, press Approve or Deny).
import type { Bank } from '../data/types';
import { escapeHtml } from '../http/html';
import type { ScaTarget } from './bridge';

export interface LoginPageInput {
  readonly action: string;
  readonly bank: Bank;
  readonly target: ScaTarget;
  readonly styleNonce: string;
  readonly error?: string;
  readonly psuId?: string;
}

function hint(bank: Bank): string {
  switch (bank.login.kind) {
    case 'psuIds':
      return `Sandbox: use one of the bank's published test PSU ids (e.g. ${bank.login.ids[0] ?? ''}).`;
    case 'password':
      return 'Sandbox: use the bank\u2019s published test username and password.';
    default:
      return 'Sandbox: any PSU id is accepted.';
  }
}

export function renderLoginPage(input: LoginPageInput): string {
  const { bank, target } = input;
  const what = target.kind === 'consent' ? 'account access (consent)' : 'a payment';
  const password =
    bank.login.kind === 'password'
      ? '<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="off">'
      : '';
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(bank.name)} – sign in</title>
<style nonce="${escapeHtml(input.styleNonce)}">
body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;margin:.4rem 0}input{width:100%;padding:.4rem}
.error{color:#b00020}.actions{display:flex;gap:1rem}small{color:#555}
</style></head>
<body>
<h1>${escapeHtml(bank.name)}</h1>
<p>Sign in to approve ${escapeHtml(what)} <code>${escapeHtml(target.parentId)}</code> (BIC ${escapeHtml(bank.bicFi)}).</p>
${error}
<form method="post" action="${escapeHtml(input.action)}">
<label for="psuId">${bank.login.kind === 'password' ? 'Username' : 'PSU id (personal number)'}</label>
<input id="psuId" name="psuId" value="${escapeHtml(input.psuId ?? '')}" autocomplete="off">
${password}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
<small>${escapeHtml(hint(bank))}</small>
</body></html>`;
}

/** Whether the login the PSU typed is acceptable for this bank's sandbox (reference §7.2). */
export function loginAccepted(bank: Bank, psuId: string, password: string): boolean {
  switch (bank.login.kind) {
    case 'psuIds':
      return bank.login.ids.includes(psuId);
    case 'password':
      return psuId === bank.login.username && password === bank.login.password;
    default:
      return psuId.trim().length > 0;
  }
}
