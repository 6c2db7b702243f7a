// The parts of undici the transport uses, required by path: undici's index loads everything it has (fetch,
// WebSocket, caches, mocks: ~220 KB more minified). Like that index, this gives every dispatcher the two request
// API methods we use (request(), and connect(), which ProxyAgent uses to tunnel; not stream, pipeline or upgrade);
// the types come from undici's own declarations (src/types/undici-parts.d.ts). The paths are not a public API,
// so undici is pinned to an exact version.
import Agent from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js';
import connect from 'undici/lib/api/api-connect.js';
import request from 'undici/lib/api/api-request.js';

Object.assign(Dispatcher.prototype, { request, connect });

export { Agent, ProxyAgent };
