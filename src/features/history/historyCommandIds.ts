// The ids of the History commands: the commands register them and the History view's rows invoke them,
// so they live below both.
export const HISTORY_COMMANDS = {
  openResponse: 'openPayments.history.openResponse',
  copyRequestId: 'openPayments.history.copyRequestId',
  sendAgain: 'openPayments.history.sendAgain',
  copyAsCurl: 'openPayments.history.copyAsCurl',
  copyAsCurlWithLiveToken: 'openPayments.history.copyAsCurlWithLiveToken',
  clear: 'openPayments.history.clear',
} as const;
