// The request-file format (the syntax REST Client, httpYac, Kulala and JetBrains share): read, write, and map a
// block to its catalogue operation. No vscode: the extension, the Postman import and the MCP server share it.
export { blockAt, HTTP_METHODS, parseHttpFile, problemAt, sectionAt, type FileVariable, type HeaderLine, type HttpFile, type RequestBlock, type SyntaxProblem } from './httpFileSyntax';
export { API_HOST_VARIABLE, appendRequestBlock, requestBlock, TOKEN_VARIABLE, type RequestBlockText, type SavedRequest } from './httpFileWriter';
export { operationAtLine, type OperationAtLine, type OperationMatch } from './operationAtLine';
export { matchBlock, operationForPath, type BlockMatch, type MatchContext, type NotCatalogueReason } from './operationMatch';
export { FRESH_ID_VARIABLES, referencedNames, resolveVariables, type Resolution, type VariableScope } from './variables';
