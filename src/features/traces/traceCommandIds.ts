// The ids of the trace commands: the commands register them and the timeline document's links invoke them.
export const TRACE_COMMANDS = {
  findRequestId: 'openPayments.findRequestId',
  showTimeline: 'openPayments.showTimeline',
  copySupportBundle: 'openPayments.copySupportBundle',
} as const;
