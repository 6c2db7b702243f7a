// Runs the local sandbox in its own process for the bench, so its CPU time and garbage never land in the
// process being measured. Reports its hosts over IPC and stops when the parent disconnects.
import { start } from '../../dist/sandbox/index.mjs';

const options = JSON.parse(process.argv[2] ?? '{}');
const sandbox = await start({ authPort: 0, apiPort: 0, ...options });
process.send({ authHost: sandbox.authHost, apiHost: sandbox.apiHost, client: sandbox.client });
process.on('disconnect', () => {
  void sandbox.close().then(() => process.exit(0));
});
