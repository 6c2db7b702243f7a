// The four authorisation sub-resource operations, identical for consents and payments
// (start, list, SCA status, update PSU data); each service supplies how to find its parent resource.
import { created, ok } from '../http/reply';
import { ApiError } from '../http/tppMessages';
import type { BankContext, BankHandler } from './context';
import { findAuthorisation, readScaStatus, selectMethod, startAuthorisation, type Outcome, type ScaParent } from './sca';

export interface ParentLookup {
  /** The parent resource of the path, and why a new authorisation cannot start (undefined = it can). */
  resolve(ctx: BankContext): { parent: ScaParent; notStartable?: string };
  outcome(ctx: BankContext): Outcome;
}

export function authorisationHandlers(lookup: ParentLookup): Record<'start' | 'list' | 'status' | 'update', BankHandler> {
  const withAuthorisation = (ctx: BankContext) => {
    const { parent } = lookup.resolve(ctx);
    return { parent, auth: findAuthorisation(ctx.env, parent, ctx.params['authorisationId']!) };
  };
  return {
    start: (ctx) => {
      const { parent, notStartable } = lookup.resolve(ctx);
      if (notStartable) throw new ApiError(409, 'STATUS_INVALID', notStartable);
      const started = startAuthorisation(ctx.env, ctx.bank, parent, ctx.headers, lookup.outcome(ctx));
      return created(started.body, started.location, { 'ASPSP-SCA-Approach': started.approach });
    },
    list: (ctx) => ok({ authorisationIds: lookup.resolve(ctx).parent.authorisationIds }),
    status: (ctx) => {
      const { auth } = withAuthorisation(ctx);
      return ok(readScaStatus(ctx.env, auth, lookup.outcome(ctx)));
    },
    update: (ctx) => {
      const { parent, auth } = withAuthorisation(ctx);
      const result = selectMethod(ctx.env, ctx.bank, parent, auth, ctx.body);
      return ok(result.body, { 'ASPSP-SCA-Approach': result.approach });
    },
  };
}
