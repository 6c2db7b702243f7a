// The MCP face of the tool table: tools/list from the table's schemas, tools/call through runTool. Only the
// SDK's low-level server is used: our schemas are JSON Schema already, so no schema library of its is needed.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TOOLS, runTool, type ToolContext } from './core';

export const SERVER_NAME = 'open-payments';

export function createMcpServer(context: ToolContext, version: string): Server {
  const server = new Server(
    { name: SERVER_NAME, version },
    {
      capabilities: { tools: {} },
      instructions:
        'Tools for the Open Payments Platform (Berlin Group NextGenPSD2 1.3.3): find banks and what they require, describe and send API operations, explain failures by X-Request-ID, read consent and payment statuses, start an SCA whose link the user opens, and (local sandbox only) trigger error-handling scenarios. Calls to production need confirmProduction: true, given only after the user confirmed.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: { ...tool.inputSchema },
      annotations: { title: tool.title, readOnlyHint: tool.readOnly, openWorldHint: tool.sendsRequests },
    })),
  }));
  // extra.signal aborts when the client cancels the call (notifications/cancelled) or the connection closes.
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const outcome = await runTool(request.params.name, context, request.params.arguments ?? {}, TOOLS, extra.signal);
    if (!outcome.ok) return { isError: true, content: [{ type: 'text', text: outcome.error.message }], structuredContent: { error: outcome.error } };
    return { content: [{ type: 'text', text: JSON.stringify(outcome.result, null, 2) }], structuredContent: { ...outcome.result } };
  });
  return server;
}
