// Fakes for the traces feature: the editor's version (named in support bundles) and document links (the
// timeline document's links to its exchanges).
import type { Range } from './vscodeRequests';
import type { Uri } from './vscodeViews';

export const version = '1.100.0-fake';

export class DocumentLink {
  tooltip?: string;
  constructor(
    readonly range: Range,
    readonly target?: Uri,
  ) {}
}
