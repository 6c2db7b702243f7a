// Bundles the pure HTTP core from src/ so the bench measures today's source, not a stale dist.
import { loadSource } from './loadSource.mjs';

export function loadCore(root) {
  return loadSource(root, 'client-core', [
    "export * from './src/client/http/index.ts';",
    "export * from './src/client/auth/tokens/index.ts';",
    "export { findOperation } from './src/client/catalogue/catalogue.ts';",
    "export { Redactor } from './src/client/redaction/redaction.ts';",
  ]);
}
