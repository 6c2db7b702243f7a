// The MCP face of the tool table: tools/list from the table's schemas, tools/call through runTool. Our schemas are
// JSON Schema already and runTool checks every input against them, so the protocol layer (./protocol) only frames.
import { TOOLS, runTool, type ToolContext } from './core';
import { McpProtocol, type Message } from './protocol';

export const SERVER_NAME = 'open-payments';

const INSTRUCTIONS =
  'Tools for the Open Payments Platform (Berlin Group NextGenPSD2 1.3.3): find banks and what they require, describe and send API operations, explain failures by X-Request-ID, read consent and payment statuses, start an SCA whose link the user opens, and (local sandbox only) trigger error-handling scenarios. Calls to production need confirmProduction: true, given only after the user confirmed.';

export function createMcpServer(context: ToolContext, version: string, send: (message: Message | readonly Message[]) => void): McpProtocol {
  return new McpProtocol({ name: SERVER_NAME, version, instructions: INSTRUCTIONS }, {
    listTools: () =>
      TOOLS.map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        inputSchema: { ...tool.inputSchema },
        annotations: { title: tool.title, readOnlyHint: tool.readOnly, openWorldHint: tool.sendsRequests },
      })),
    // The signal aborts when the client cancels the call (notifications/cancelled) or the connection closes.
    async callTool(name, args, signal) {
      const outcome = await runTool(name, context, args, TOOLS, signal);
      if (!outcome.ok) return { isError: true, content: [{ type: 'text', text: outcome.error.message }], structuredContent: { error: outcome.error } };
      return { content: [{ type: 'text', text: JSON.stringify(outcome.result, null, 2) }], structuredContent: { ...outcome.result } };
    },
  }, send);
}
