// The commands of request files, named once for the feature's table and its own calls.
export const REQUEST_FILE_COMMANDS = {
  send: 'openPayments.requestFiles.send',
  copyAsCode: 'openPayments.requestFiles.copyAsCode',
  saveLast: 'openPayments.requestFiles.saveLast',
  saveFromHistory: 'openPayments.requestFiles.saveFromHistory',
  saveFromTree: 'openPayments.requestFiles.saveFromTree',
} as const;

/** The Copy as Code feature's command, which takes a request description; named here because features do not import each other. */
export const COPY_AS_CODE_COMMAND = 'openPayments.copyAsCode';

/**
 * Which documents are request files: the `http` language (ours, or REST Client's and httpYac's, which use the same
 * id and both give it .http and .rest) and any *.http or *.rest file, whatever language the user set for it.
 */
export const REQUEST_FILE_SELECTOR = [{ language: 'http' }, { pattern: '**/*.http' }, { pattern: '**/*.rest' }] as const;

/** The files Save as Request File offers to add to. */
export const REQUEST_FILE_GLOB = '**/*.{http,rest}';
export const REQUEST_FILE_EXTENSIONS = ['http', 'rest'];
