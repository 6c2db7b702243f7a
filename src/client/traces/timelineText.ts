// The timeline of a consent or payment as the read-only document shows it: a heading, then one line per
// exchange with its UTC time, call, outcome, status change and X-Request-ID. Each line ends in the
// X-Request-ID so the document's links can find it. Pure; sentences go through the given localiser.
import { plainTranslate, type Translate } from '../text/translate';
import type { TimelineStep, TimelineSubject } from './timeline';

function statusPart(step: TimelineStep, t: Translate): string {
  const parts: string[] = [];
  if (step.changedFrom !== undefined && step.status !== undefined) parts.push(t('status {0} → {1}', step.changedFrom, step.status));
  else if (step.firstStatus && step.status !== undefined) parts.push(t('status {0}', step.status));
  else if (step.status !== undefined) parts.push(t('status unchanged ({0})', step.status));
  if (step.scaStatus !== undefined) parts.push(t('SCA {0}', step.scaStatus));
  return parts.join(', ');
}

/** One line of the timeline; it ends with the X-Request-ID when there is one. */
export function timelineLine(step: TimelineStep, t: Translate = plainTranslate): string {
  const status = statusPart(step, t);
  const fields = [step.time, `${step.method} ${step.pathAndQuery}`, step.outcome || '-', step.operationTitle, ...(status ? [status] : [])];
  return `${fields.join('  ·  ')}  ·  ${step.requestId !== undefined ? `X-Request-ID ${step.requestId}` : t('not sent, no X-Request-ID')}`;
}

export function timelineText(subject: TimelineSubject, environment: string, steps: readonly TimelineStep[], t: Translate = plainTranslate): string {
  const title = subject.kind === 'consent' ? t('Timeline of consent {0} ({1})', subject.id, environment) : t('Timeline of payment {0} ({1})', subject.id, environment);
  const intro =
    steps.length === 0
      ? [
          t('No exchange in History names this {0}. History keeps only the most recent calls (openPayments.history.maxEntries) of this machine.', subject.kind === 'consent' ? t('consent') : t('payment')),
        ]
      : [
          t('{0} exchanges from History, oldest first. Times are UTC. Select an X-Request-ID to open that exchange.', steps.length),
          t('History keeps only the most recent calls (openPayments.history.maxEntries), so earlier ones may be missing.'),
        ];
  return [title, '='.repeat(Math.min(title.length, 80)), ...intro, '', ...steps.map((step) => timelineLine(step, t)), ''].join('\n');
}

/** Where each X-Request-ID sits in the text (line, start column, id), for the document's links. */
export function requestIdPositions(text: string): { line: number; start: number; requestId: string }[] {
  const positions: { line: number; start: number; requestId: string }[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /X-Request-ID ([0-9a-fA-F-]{36})$/.exec(line);
    if (match?.[1] !== undefined) positions.push({ line: index, start: line.length - match[1].length, requestId: match[1] });
  });
  return positions;
}
