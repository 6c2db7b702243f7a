// The VS Code releases we test on, as code-server releases (scripts/install-code-server.sh installs each).
// The first is engines.vscode's minimum and the default for `npm start`; the last is the current release.
// serverArgs: what a release needs to load an extension under development from the workbench URL's `payload`
// (the harness and `npm start` do): since about 1.10x a built VS Code for the web honours it only with the smoke
// test driver on, which code-server 4.139 passes through with --vscode-option.
export const CODE_SERVERS = [
  { vscode: '1.100', codeServer: '4.100.3', serverArgs: [] },
  {
    vscode: '1.139',
    codeServer: '4.139.1',
    serverArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    // UI journeys not run on this version yet: each waits for the toast of an information message, and 1.139
    // shows none (the message only marks the bell in the status bar). They still run on 1.100.
    uiLeftOut: [
      'sets client credentials through the command palette',
      'creates a consent, logs in at the bank',
      'sends Get ASPSP List from the palette',
      'goes from a fresh window to a payment, its history and another environment',
      'activates from the VSIX on its first command and shows the environment',
    ],
  },
];

/** The release for a VS Code version such as `1.139` (undefined or empty: the first, our minimum). */
export function codeServerFor(vscode) {
  if (!vscode) return CODE_SERVERS[0];
  const match = CODE_SERVERS.find((v) => v.vscode === vscode);
  if (!match) throw new Error(`VS Code ${vscode} is not one we test on; choose one of ${CODE_SERVERS.map((v) => v.vscode).join(', ')}.`);
  return match;
}
