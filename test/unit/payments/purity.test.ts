// paymentValidation is client logic: no vscode and nothing outside src/client, so features and the sandbox can share it.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

describe('paymentValidation imports', function () {
  this.timeout(20_000);

  it('reach only src/client, never vscode, a package or the sandbox', async () => {
    const result = await esbuild.build({
      entryPoints: ['src/client/payments/paymentValidation.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-bare-imports',
          setup(build) {
            build.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
          },
        },
      ],
    });
    const inputs = Object.entries(result.metafile.inputs);
    const outside = inputs.map(([file]) => file).filter((file) => !/^src\/client\//.test(file));
    const bare = inputs.flatMap(([, input]) => input.imports.map((i) => i.path)).filter((path) => !path.startsWith('src/'));
    assert.deepEqual(outside, []);
    assert.deepEqual(bare, []);
  });
});
