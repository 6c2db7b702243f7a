// The page that shows a decoupled SCA challenge: a QR code of the BankID link (or the image the bank sent)
// and the bank's message. No script at all; the extension re-renders the page on every poll. The one style
// block carries the nonce, so markup that slipped past the escaping could not style the page either.
import qrcode from 'qrcode-generator';
import { escapeHtml } from '../../client/text/html';
import { scaMethodRow, type ChallengeKind } from '../../client/sca/scaMethods';
import type { ScaChallenge } from '../../client/sca/types';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/** An SVG QR code; the library draws only rectangles, so the text never reaches the markup. */
export function qrSvg(text: string): string | undefined {
  if (!text || text.length > 1500) return undefined;
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createSvgTag({ cellSize: 5, margin: 4, scalable: true });
}

/** The bank's QR picture, when it is base64 (anything else could break out of the attribute). */
function imageFigure(challenge: ScaChallenge): string | undefined {
  return challenge.imageBase64 && BASE64.test(challenge.imageBase64) ? `<img alt="" src="data:image/png;base64,${challenge.imageBase64}">` : undefined;
}

function qrFigure(challenge: ScaChallenge): string | undefined {
  return challenge.qrText ? qrSvg(challenge.qrText) : undefined;
}

/** How the page shows one kind of challenge: the sentence that tells the PSU what to do, and the code to scan. */
export interface ChallengeView {
  /** English; the panel localises it (vscode.l10n.t), as the response view does the tppMessages explanations. */
  readonly scan: string;
  readonly figure: (challenge: ScaChallenge) => string | undefined;
}

const BANKID_SCAN = 'Scan the code with the Mobile BankID app (sandbox: any test app), or start BankID on this device.';

/**
 * The view of each kind of challenge in the SCA-method table; a method with a new kind does not compile until
 * it has its view here. Each figure falls back to the other form, so a bank that sends only one still gets the
 * PSU a code to scan.
 */
export const CHALLENGE_VIEWS: Readonly<Record<ChallengeKind, ChallengeView>> = {
  autostartToken: { scan: BANKID_SCAN, figure: (c) => qrFigure(c) ?? imageFigure(c) },
  qrToken: { scan: BANKID_SCAN, figure: (c) => qrFigure(c) ?? imageFigure(c) },
  qrImage: { scan: BANKID_SCAN, figure: (c) => imageFigure(c) ?? qrFigure(c) },
};

/** A method the table lacks (or no method yet) is shown as qrImage is: the bank's picture first. */
function viewOf(challenge: ScaChallenge): ChallengeView {
  return CHALLENGE_VIEWS[scaMethodRow(challenge.methodId)?.challenge ?? 'qrImage'];
}

/** The English sentence telling the PSU what to do with this challenge, for the panel to localise. */
export function scanSentence(challenge: ScaChallenge): string {
  return viewOf(challenge).scan;
}

export interface ChallengeTexts {
  readonly title: string;
  readonly scan: string;
  readonly status: string;
  readonly cancelHint: string;
}

export interface ChallengePageOptions {
  /** webview.cspSource */
  readonly cspSource: string;
  /** Random base64, fixed for the panel's life so an unchanged challenge renders the same page. */
  readonly nonce: string;
}

export function renderChallengeHtml(challenge: ScaChallenge, texts: ChallengeTexts, { cspSource, nonce }: ChallengePageOptions): string {
  if (!NONCE.test(nonce)) throw new Error('The challenge page needs a random base64 nonce.');
  const image = viewOf(challenge).figure(challenge) ?? '';
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1.5em}
.qr{background:#fff;display:inline-block;padding:8px;max-width:320px}.qr svg,.qr img{width:280px;height:280px}
code{word-break:break-all}</style>
<title>${escapeHtml(texts.title)}</title></head>
<body>
<h2>${escapeHtml(texts.title)}</h2>
<p>${escapeHtml(texts.scan)}</p>
${image ? `<div class="qr">${image}</div>` : ''}
${challenge.psuMessage ? `<p>${escapeHtml(challenge.psuMessage)}</p>` : ''}
${challenge.autostartUrl ? `<p><code>${escapeHtml(challenge.autostartUrl)}</code></p>` : ''}
<p>${escapeHtml(texts.status)}</p>
<p>${escapeHtml(texts.cancelHint)}</p>
</body></html>`;
}
