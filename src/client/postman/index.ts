// Postman import: read a v2.1 collection and an environment, and turn them into request files. No vscode: the
// extension's import command and the MCP server share it.
export { readCollection, readEnvironment, type CollectionProblem, type EnvironmentProblem, type PostmanCollection, type PostmanEnvironment, type PostmanRequest } from './postmanFiles';
export { EXTENSION_STEP_NOTES, importCollection, importedFileText, isSecretName, ourVariableName, type ExtensionStep, type ImportedFile, type Mapping, type MappedRequest, type PostmanImport, type UnmappedReason, type UnmappedRequest } from './postmanImport';
