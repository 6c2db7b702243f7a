// The VS Code releases we test on, as code-server releases (scripts/install-code-server.sh installs each).
// The first is engines.vscode's minimum and the default for `npm start`; the last is the current release.
// developmentArgs: what a release needs to load an extension under development from the workbench URL's
// `payload` (the harness and `npm start` do): since about 1.10x a built VS Code for the web honours it only with
// the smoke test driver on, which code-server 4.139 passes through with --vscode-option. That driver also puts
// the workbench in automation mode, which shows no notification toasts (every notification goes only to the
// notification center), so a workbench that loads no extension under development (the VSIX test) goes without.
export const CODE_SERVERS = [
  { vscode: '1.100', codeServer: '4.100.3', developmentArgs: [] },
  { vscode: '1.139', codeServer: '4.139.1', developmentArgs: ['--vscode-option', 'enable-smoke-test-driver'] },
];

/** The release for a VS Code version such as `1.139` (undefined or empty: the first, our minimum). */
export function codeServerFor(vscode) {
  if (!vscode) return CODE_SERVERS[0];
  const match = CODE_SERVERS.find((v) => v.vscode === vscode);
  if (!match) throw new Error(`VS Code ${vscode} is not one we test on; choose one of ${CODE_SERVERS.map((v) => v.vscode).join(', ')}.`);
  return match;
}
