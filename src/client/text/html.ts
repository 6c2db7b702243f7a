// The one HTML escaper for every page and webview we render, and the nonce their CSPs name.

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Safe in element text and in quoted attribute values; the backtick too, for old parsers that quote with it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] as string);
}

/** 128 random bits in base64, fresh per render. The Web Crypto global, so activation does not load node:crypto. */
export function newNonce(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
