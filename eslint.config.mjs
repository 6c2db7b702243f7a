// Lint rules that keep the layers apart: the client (src/client) and the sandbox never import vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'vscode', message: 'Platform logic and the sandbox must not depend on VS Code; put VS Code code in src/host or src/features.' }] },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        structuredClone: 'readonly', queueMicrotask: 'readonly', performance: 'readonly', setImmediate: 'readonly',
        document: 'readonly', window: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly',
        describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', beforeEach: 'readonly', afterEach: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // CommonJS on purpose: the bench's floor extension is loaded as it is, with no build.
  { files: ['esbuild.js', 'bench/floor-extension/extension.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/client/**', 'sandbox/**'], rules: noVscode },
);
