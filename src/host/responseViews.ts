// Where the runner and History send a response to be shown. The response view itself belongs to the requests
// feature, which attaches it at registration; the host only forwards, so no feature imports another to show one.
import type * as vscode from 'vscode';
import type { ResponseRecord } from '../client/history/responseRecord';
import type { ExchangeRecord, PendingRequestView, ResponseViewer } from './requestRunner';

/** A view that shows calls as they happen and responses stored in History. */
export interface ResponseView extends ResponseViewer {
  showRecord(record: ResponseRecord): void;
  /** The record the view shows now, if it is open and shows one (for actions such as Copy Support Bundle). */
  readonly shownRecord: ResponseRecord | undefined;
}

export class ResponseViews implements ResponseView {
  private view: ResponseView | undefined;
  private readonly shownListeners = new Set<(record: ExchangeRecord) => void>();

  /** Tells `listener` of every exchange sent to the view: what the user sent and sees, not what views load. */
  onDidShow(listener: (record: ExchangeRecord) => void): vscode.Disposable {
    this.shownListeners.add(listener);
    return { dispose: () => void this.shownListeners.delete(listener) };
  }

  /** Makes `view` the one responses go to, until the returned disposable is disposed. */
  attach(view: ResponseView): vscode.Disposable {
    this.view = view;
    return { dispose: () => (this.view = this.view === view ? undefined : this.view) };
  }

  show(record: ExchangeRecord): void {
    this.view?.show(record);
    for (const listener of this.shownListeners) listener(record);
  }

  prepare(pending: PendingRequestView): void {
    this.view?.prepare(pending);
  }

  showIfOpen(record: ExchangeRecord): void {
    this.view?.showIfOpen(record);
    for (const listener of this.shownListeners) listener(record);
  }

  showRecord(record: ResponseRecord): void {
    this.view?.showRecord(record);
  }

  get shownRecord(): ResponseRecord | undefined {
    return this.view?.shownRecord;
  }
}
