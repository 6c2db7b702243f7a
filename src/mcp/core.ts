// Everything the MCP server needs besides the MCP SDK: its configuration, its tools' context and the tool table.
// One face, so that dist/mcp.js (the SDK and the stdio transport) takes it from dist/lazy.js, the bundle the
// extension already ships, instead of carrying a second copy of the client core (undici, openid-client) in the VSIX.
export { parseConfig, USAGE, type McpConfig } from './config';
export { createMcpContext } from './mcpContext';
export { TOOLS, runTool, type ToolContext } from '../client/index';
