// The commands of request files, named once for the feature's table and its own calls.
export const REQUEST_FILE_COMMANDS = {
  send: 'openPayments.requestFiles.send',
  saveLast: 'openPayments.requestFiles.saveLast',
  saveFromHistory: 'openPayments.requestFiles.saveFromHistory',
  saveFromTree: 'openPayments.requestFiles.saveFromTree',
} as const;

/**
 * Which documents are request files: the `http` language (ours, or REST Client's and httpYac's, which use the same
 * id) and any *.http file, whatever language the user set for it.
 */
export const REQUEST_FILE_SELECTOR = [{ language: 'http' }, { pattern: '**/*.http' }] as const;
