// One handler per catalogue operation. Checked at start so the catalogue and the sandbox cannot drift apart.
import type { Operation } from '../../src/api/operationTypes';
import { accountHandlers } from './accounts';
import { aspspHandlers } from './aspsp';
import { consentHandlers } from './consents';
import type { BankHandler, Handler } from './context';
import { paymentHandlers } from './payments';

export function handlersFor(operations: readonly Operation[]): ReadonlyMap<string, Handler> {
  const all: Record<string, Handler> = { ...aspspHandlers };
  for (const [id, handler] of Object.entries({ ...consentHandlers, ...accountHandlers, ...paymentHandlers })) all[id] = withBank(handler);
  const missing = operations.filter((op) => !all[op.id]).map((op) => op.id);
  if (missing.length > 0) throw new Error(`sandbox has no handler for catalogue operations: ${missing.join(', ')}`);
  return new Map(operations.map((op) => [op.id, all[op.id]!]));
}

function withBank(handler: BankHandler): Handler {
  return (ctx) => {
    const { bank } = ctx;
    if (!bank) throw new Error(`${ctx.op.id} ran without a bank; the server checks X-BicFi first`);
    return handler({ ...ctx, bank });
  };
}
