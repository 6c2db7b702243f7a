// Entry point the real extension host loads (extensionTestsPath) for the main session.
import { runSuite } from './runSuite';

export function run(): Promise<void> {
  // Bundled test files register through the globals mocha sets up before this import runs.
  return runSuite(() => import('./suites'));
}
