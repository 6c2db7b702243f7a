// Drives one consent or payment authorisation from Start Authorisation to a settled status (reference §6.1):
// start → choose a method → Update PSU Data → REDIRECT (scaOAuth / scaRedirect) or DECOUPLED by the
// ASPSP-SCA-Approach header and _links → SCA status → consent/payment status. Every side effect is injected.
import { isClientError } from '../errors';
import { decoupledSca } from './decoupledSca';
import { preferredMethod } from './methodChoice';
import { SCA_OPERATIONS, authorisationParams, subjectParams } from './operations';
import { awaitParentStatus, awaitScaStatus } from './polling';
import { redirectSca } from './redirectSca';
import { approachOf, bodyOf, challengeDataOf, linkOf, scaMethodsOf, stringField, type Json } from './responses';
import { ScaRun, ScaStop } from './scaRun';
import { scaVerdict } from './statusRules';
import type { ScaApproach, ScaFailureReason, ScaFlowDeps, ScaFlowSettings, ScaOutcome, ScaRoute, ScaSubject } from './types';

interface Selection {
  readonly body: Json;
  readonly approach: ScaApproach | undefined;
}

/** The route the bank chose; links decide within REDIRECT, a challenge or the header means DECOUPLED. */
export function routeOf(selection: Selection): { route: ScaRoute; template?: string } | { problem: ScaFailureReason } {
  const { body, approach } = selection;
  if (approach === 'EMBEDDED') return { problem: 'unsupported_approach' };
  const oauth = linkOf(body, 'scaOAuth');
  if (oauth) return { route: 'scaOAuth', template: oauth };
  const redirect = linkOf(body, 'scaRedirect');
  if (redirect) return { route: 'scaRedirect', template: redirect };
  if (approach === 'REDIRECT') return { problem: 'invalid_sca_link' };
  if (approach === 'DECOUPLED' || challengeDataOf(body)) return { route: 'decoupled' };
  return scaVerdict(stringField(body, 'scaStatus')) === 'pending' ? { problem: 'unexpected_response' } : { route: 'none' };
}

export class ScaFlow {
  constructor(
    private readonly deps: ScaFlowDeps,
    private readonly settings: ScaFlowSettings,
  ) {}

  /** Never rejects: every ending, cancellation and defects included, is an outcome. */
  async authorise(subject: ScaSubject, signal?: AbortSignal): Promise<ScaOutcome> {
    const run = new ScaRun(this.deps, this.settings, subject, signal);
    try {
      await this.steps(run);
      return run.outcome({ kind: 'finalised' });
    } catch (error) {
      if (isClientError(error, 'scaStop')) return run.outcome(error.details);
      if (signal?.aborted) return run.outcome({ kind: 'cancelled' });
      this.deps.onInternalError?.(error);
      return run.outcome({ kind: 'failed', reason: 'internal' });
    }
  }

  private async steps(run: ScaRun): Promise<void> {
    const ops = SCA_OPERATIONS[run.subject.kind];
    run.progress('starting');
    const started = await run.call(ops.start, subjectParams(run.subject));
    const startBody = bodyOf(started);
    run.authorisationId = stringField(startBody, 'authorisationId');
    run.scaStatus = stringField(startBody, 'scaStatus');
    if (!run.authorisationId) throw new ScaStop({ kind: 'failed', reason: 'unexpected_response' });
    const verdict = scaVerdict(run.scaStatus);
    if (verdict === 'failed') throw new ScaStop({ kind: 'failed', reason: 'sca_failed' });
    if (verdict === 'done') {
      // HANDSESS: approved at Start Authorisation (reference §6.2); nothing for the PSU to do.
      run.route = 'none';
    } else {
      const selection = await this.select(run, { body: startBody, approach: approachOf(started) });
      const chosen = routeOf(selection);
      if ('problem' in chosen) throw new ScaStop({ kind: 'failed', reason: chosen.problem });
      run.route = chosen.route;
      if (chosen.template !== undefined && (chosen.route === 'scaOAuth' || chosen.route === 'scaRedirect')) {
        await redirectSca(run, chosen.route, chosen.template);
        await awaitScaStatus(run, run.settings.pollIntervalMs);
      } else if (chosen.route === 'decoupled') {
        await decoupledSca(run, selection.body);
      } else {
        await awaitScaStatus(run, run.settings.pollIntervalMs);
      }
    }
    await awaitParentStatus(run, run.settings.pollIntervalMs);
  }

  /** Chooses a method and sends Update PSU Data; without methods the start answer must already say how to go on. */
  private async select(run: ScaRun, start: Selection): Promise<Selection> {
    const methods = scaMethodsOf(start.body);
    if (methods.length === 0) {
      if (linkOf(start.body, 'scaOAuth') || linkOf(start.body, 'scaRedirect') || start.approach === 'DECOUPLED') return start;
      throw new ScaStop({ kind: 'failed', reason: 'no_sca_method' });
    }
    run.progress('choosingMethod');
    const methodId = this.deps.chooseMethod ? await this.deps.chooseMethod(methods, start.approach) : preferredMethod(methods, start.approach);
    run.checkCancelled();
    if (!methodId) throw new ScaStop({ kind: 'cancelled' });
    run.methodId = methodId;
    run.progress('selectingMethod');
    const selected = await run.call(SCA_OPERATIONS[run.subject.kind].update, authorisationParams(run.subject, run.authorisationId ?? ''), {
      authenticationMethodId: methodId,
    });
    const body = bodyOf(selected);
    run.scaStatus = stringField(body, 'scaStatus') ?? run.scaStatus;
    if (scaVerdict(run.scaStatus) === 'failed') throw new ScaStop({ kind: 'failed', reason: 'sca_failed' });
    return { body, approach: approachOf(selected) ?? start.approach };
  }
}
