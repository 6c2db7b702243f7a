// Bundles the client from src/ through its one face, as the sandbox and the MCP server use it, so the bench
// measures today's source, not a stale dist.
import { loadSource } from './loadSource.mjs';

export function loadCore(root) {
  return loadSource(root, 'client-core', ["export * from './src/client/index.ts';"]);
}
