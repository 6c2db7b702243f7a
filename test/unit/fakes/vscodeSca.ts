// Fake vscode API for strong customer authentication: the PSU's browser (env.openExternal) and remote windows
// (env.remoteName, env.asExternalUri). Composed into ./vscode.ts with its getters kept live. Tests that change
// it call scaFake.reset() afterwards.
import type { Uri } from './vscodeViews';

export const scaFake = {
  /** As in an SSH, WSL or container window ("ssh-remote", ...); undefined in a local window. */
  remoteName: undefined as string | undefined,
  /** What VS Code's port forwarding makes of a URI; the default leaves it as it is. */
  asExternalUri: async (uri: Uri): Promise<Uri> => uri,
  /** Every URI handed to openExternal, and what the "browser" does with it. */
  opened: [] as Uri[],
  openExternal: async (_uri: Uri): Promise<boolean> => true,
  reset(): void {
    this.remoteName = undefined;
    this.asExternalUri = async (uri) => uri;
    this.opened.length = 0;
    this.openExternal = async () => true;
  },
};

export const scaEnv = {
  get remoteName(): string | undefined {
    return scaFake.remoteName;
  },
  asExternalUri(uri: Uri): Promise<Uri> {
    return scaFake.asExternalUri(uri);
  },
  openExternal(uri: Uri): Promise<boolean> {
    scaFake.opened.push(uri);
    return scaFake.openExternal(uri);
  },
};
