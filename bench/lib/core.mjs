// Bundles the pure HTTP core from src/ so the bench measures today's source, not a stale dist.
import { loadSource } from './loadSource.mjs';

export function loadCore(root) {
  return loadSource(root, 'client-core', [
    "export * from './src/api/http/index.ts';",
    "export * from './src/auth/tokens/index.ts';",
    "export { findOperation } from './src/api/catalogue.ts';",
    "export { Redactor } from './src/core/redaction.ts';",
  ]);
}
