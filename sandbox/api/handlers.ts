// One handler per catalogue operation. The maps are keyed by the catalogue's ids, so a missing, extra or
// misspelt handler fails to compile and the catalogue and the sandbox cannot drift apart.
import type { Operation, OperationId } from '../../src/client';
import { accountHandlers } from './accounts';
import { aspspHandlers } from './aspsp';
import { consentHandlers } from './consents';
import type { BankHandler, Handler } from './context';
import { paymentHandlers } from './payments';

export function handlersFor(operations: readonly Operation[]): ReadonlyMap<OperationId, Handler> {
  const all: Readonly<Record<OperationId, Handler>> = {
    ...aspspHandlers,
    ...withBanks(consentHandlers),
    ...withBanks(accountHandlers),
    ...withBanks(paymentHandlers),
  };
  return new Map(operations.map((op) => [op.id, all[op.id]]));
}

function withBanks<Id extends OperationId>(handlers: Readonly<Record<Id, BankHandler>>): Record<Id, Handler> {
  // Object.keys answers string[]; these keys are the record's own, so they are its Id type.
  const ids = Object.keys(handlers) as Id[];
  return Object.fromEntries(ids.map((id) => [id, withBank(handlers[id])])) as Record<Id, Handler>;
}

function withBank(handler: BankHandler): Handler {
  return (ctx) => {
    const { bank } = ctx;
    if (!bank) throw new Error(`${ctx.op.id} ran without a bank; the server checks X-BicFi first`);
    return handler({ ...ctx, bank });
  };
}
