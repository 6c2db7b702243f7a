// The assistant's tools, for the MCP server and VS Code's language-model tools alike.
export { TOOLS, MAX_BANKS } from './toolTable';
export type { ToolDefinition, ToolInput, ToolResult } from './toolTable';
export { findTool, productionRefusal, runTool } from './runTool';
export type { ToolOutcome } from './runTool';
export { CallLog } from './callLog';
export { ToolError } from './toolError';
export type { ToolErrorKind } from './toolError';
export { CONFIRM_PRODUCTION_PROPERTY, checkObject, operationParamsSchema } from './inputSchema';
export type { ObjectSchema, PropertySchema } from './inputSchema';
export type { ToolCallRecord, ToolClient, ToolContext, ToolEnvironment, ToolHistory, ToolSandboxAdmin, ToolSend } from './toolContext';
