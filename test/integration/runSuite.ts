// Runs mocha inside the extension host and reports each result as a JSON line to the file named by
// OPENPAYMENTS_TEST_REPORT, which the harness reads.
import fs from 'node:fs';
import Mocha from 'mocha';

class JsonLinesReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const file = process.env.OPENPAYMENTS_TEST_REPORT;
    const write = (record: object) => {
      const line = `${JSON.stringify(record)}\n`;
      if (file) fs.appendFileSync(file, line);
      else process.stdout.write(line);
    };
    runner.on('pass', (test) => write({ state: 'passed', title: test.fullTitle(), ms: test.duration }));
    runner.on('fail', (test, error: Error) =>
      write({ state: 'failed', title: test.fullTitle(), error: `${error.message}\n${error.stack ?? ''}` }),
    );
    runner.on('pending', (test) => write({ state: 'skipped', title: test.fullTitle() }));
    runner.on('end', () => write({ state: 'end', stats: this.stats }));
  }
}

/** `load` registers the tests; it runs after mocha's globals exist, as mocha.addFile would arrange. */
export async function runSuite(load: () => unknown): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, reporter: JsonLinesReporter, color: false });
  const grep = process.env.OPENPAYMENTS_TEST_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  await load();
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
