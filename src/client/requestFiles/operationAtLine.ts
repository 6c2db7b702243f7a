// The catalogue operation a request file holds at a line, or why there is none: the one reading of a block that
// every action on it (send, copy as code) shares, so a block sends exactly what it copies. No vscode: the
// extension words the reasons for the user, and the MCP server can give them its own way.
import { blockAt, parseHttpFile, problemAt, type SyntaxProblem } from './httpFileSyntax';
import { matchBlock, type BlockMatch } from './operationMatch';

export type OperationMatch = Extract<BlockMatch, { kind: 'operation' }>;

export type OperationAtLine =
  | { readonly kind: 'operation'; readonly match: OperationMatch; readonly requestLine: number }
  /** A line of the block the syntax cannot read: acting on a guess would send what the user did not write. */
  | { readonly kind: 'syntax'; readonly problem: SyntaxProblem }
  /** The line is in no request (variables, comments, the space before the first block). */
  | { readonly kind: 'noRequest'; readonly line: number }
  | { readonly kind: 'notOperation'; readonly match: Exclude<BlockMatch, { kind: 'operation' }>; readonly requestLine: number };

/** `supplied` gives the values the file leaves out (the last consent's id, ...); the file's own win. */
export function operationAtLine(text: string, line: number, supplied: (name: string) => string | undefined): OperationAtLine {
  const file = parseHttpFile(text);
  const problem = problemAt(file, line);
  if (problem) return { kind: 'syntax', problem };
  const block = blockAt(file, line);
  if (!block) return { kind: 'noRequest', line };
  const match = matchBlock(block, { variables: file.variables, supplied });
  if (match.kind !== 'operation') return { kind: 'notOperation', match, requestLine: block.requestLine };
  return { kind: 'operation', match, requestLine: block.requestLine };
}
