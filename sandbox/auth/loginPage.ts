// The fake bank page a PSU sees during redirect SCA. No script; labels and names are stable so the
// extension's UI tests and the sandbox tests can drive it like a browser (fill psuId, press Approve or Deny).
import type { Bank } from '../data/types';
import { escapeHtml } from '../http/html';
import type { ScaTarget } from './bridge';
import type { LoginSubject } from './loginSubject';

export interface LoginPageInput {
  readonly action: string;
  readonly bank: Bank;
  readonly target: ScaTarget;
  /** What the PSU is asked to approve: shown before they sign, as a bank does. */
  readonly subject: LoginSubject;
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

// Plain, readable and self-contained: the CSP allows only this nonce'd style, no fonts, scripts or images.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#eef1f5;color:#1c2430;font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
header{background:#1f3a5f;color:#fff;padding:.9rem 1.25rem}
header h1{margin:0;font-size:1.25rem;font-weight:600}
header p{margin:.15rem 0 0;font-size:.85rem;opacity:.85}
main{max-width:34rem;margin:1.5rem auto;padding:1.25rem 1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h2{font-size:1.05rem;margin:0 0 .6rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0 0 1.1rem;padding:.8rem 1rem;background:#f6f8fa;border:1px solid #d8dee6;border-radius:6px}
dt{color:#4a5566}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.ref{font-size:.8rem;color:#4a5566;margin:0 0 1rem;overflow-wrap:anywhere}
label{display:block;margin:.7rem 0 .25rem;font-weight:600}
input{display:block;width:100%;padding:.5rem .6rem;font:inherit;border:1px solid #9aa6b5;border-radius:4px}
input:focus{outline:2px solid #2f6fb3;outline-offset:1px}
.actions{display:flex;gap:.75rem;margin-top:1.1rem}
button{font:inherit;padding:.5rem 1.2rem;border-radius:4px;border:1px solid #1f3a5f;cursor:pointer}
button[value=approve]{background:#1f3a5f;color:#fff}
button[value=deny]{background:#fff;color:#1f3a5f}
.error{color:#8a1020;background:#fdecee;border:1px solid #f3b7bf;border-radius:4px;padding:.5rem .7rem}
small{display:block;margin-top:1.1rem;color:#4a5566}
`;

export function renderLoginPage(input: LoginPageInput): string {
  const { bank, target, subject } = input;
  const what = target.kind === 'consent' ? 'consent' : 'payment';
  const password =
    bank.login.kind === 'password'
      ? '<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="off">'
      : '';
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  const details = subject.details.map((d) => `<dt>${escapeHtml(d.label)}</dt><dd>${escapeHtml(d.value)}</dd>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(bank.name)} – sign in</title>
<style nonce="${escapeHtml(input.styleNonce)}">${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(bank.name)}</h1><p>BIC ${escapeHtml(bank.bicFi)} · sandbox bank login</p></header>
<main>
<h2>${escapeHtml(subject.heading)}</h2>
<dl id="subject">
<dt>Bank</dt><dd>${escapeHtml(bank.name)} (${escapeHtml(bank.bicFi)})</dd>
${details}
</dl>
<p class="ref">Sign in to approve this ${what}: <code>${escapeHtml(target.parentId)}</code></p>
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
</main>
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
