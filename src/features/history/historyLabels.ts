// How a history entry is named wherever it is listed: the History view and the entry pick of its commands.
import * as vscode from 'vscode';
import { ENVIRONMENT_LABELS, isEnvironmentId } from '../../client/environments/environments';
import type { HistoryEntry } from '../../client/history/historyEntry';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time, e.g. 12:03:04. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function environmentLabel(id: string): string {
  return isEnvironmentId(id) ? ENVIRONMENT_LABELS[id] : id;
}

/**
 * What a person scans for: the operation, then how it ended and when. The catalogue's titles already start
 * with their verb ("Get ASPSP List"), so the HTTP method would only repeat it; the tooltip keeps method and path.
 */
export function entryLabel(entry: HistoryEntry): string {
  return entry.operationTitle;
}

export function entryDescription(entry: HistoryEntry): string {
  return `${outcome(entry)} · ${clockTime(entry.time)}`;
}

/** The status, or the kind of failure ("not sent" when the request never left). */
export function outcome(entry: HistoryEntry): string {
  if (entry.status !== undefined) return String(entry.status);
  return entry.failureKind === 'validation' ? vscode.l10n.t('not sent') : (entry.failureKind ?? '');
}
