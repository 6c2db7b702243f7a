// The auth host's request handling: our bank login pages under /interaction/, everything else to oidc-provider.
import type http from 'node:http';
import { handleInteraction, INTERACTION_PREFIX, type InteractionDeps } from './interactions';

export function createAuthListener(deps: InteractionDeps): http.RequestListener {
  const oidc = deps.provider.callback();
  return (req, res) => {
    if (!req.url?.startsWith(INTERACTION_PREFIX)) {
      oidc(req, res);
      return;
    }
    handleInteraction(deps, req, res).catch((error: unknown) => {
      // Typically an expired or unknown interaction (no cookie): answer, never crash the server.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request', error_description: message }));
    });
  };
}
