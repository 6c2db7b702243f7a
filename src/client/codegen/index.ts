// The languages Copy as Code offers, in the order the quick pick lists them: one table, one generator each.
import type { CodeRequest } from './codeRequest';
import { curlProgram } from './curl';
import { JAVA_CLASS, javaProgram } from './javaProgram';
import { nodeProgram } from './nodeProgram';
import { pythonProgram } from './pythonProgram';

export type CodeLanguageId = 'curl' | 'javascript' | 'python' | 'java';

export interface CodeLanguage {
  readonly id: CodeLanguageId;
  readonly label: string;
  /** The file name the program's own comment tells the user to save it as. */
  readonly fileName: (request: CodeRequest) => string;
  readonly generate: (request: CodeRequest) => string;
}

export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { id: 'curl', label: 'cURL (sh script)', fileName: (r) => `${r.operationId}.sh`, generate: curlProgram },
  { id: 'javascript', label: 'JavaScript (Node.js fetch)', fileName: (r) => `${r.operationId}.mjs`, generate: nodeProgram },
  { id: 'python', label: 'Python (urllib, standard library)', fileName: (r) => `${r.operationId}.py`, generate: pythonProgram },
  { id: 'java', label: 'Java (java.net.http)', fileName: () => `${JAVA_CLASS}.java`, generate: javaProgram },
];

export function codeLanguage(id: unknown): CodeLanguage | undefined {
  return CODE_LANGUAGES.find((language) => language.id === id);
}

export { codeRequestFrom, ENV as CODE_ENV } from './codeRequest';
export { codeRequestFromDescription, isRequestDescription } from './describedRequest';
export type { RequestDescription } from './describedRequest';
export type { CodeRequest, CodeRequestSource } from './codeRequest';
