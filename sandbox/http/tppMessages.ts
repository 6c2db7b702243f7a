// Berlin Group "NG" error bodies: {"tppMessages":[{category, code, path?, text}]} (reference §5).
// Handlers throw ApiError; the server turns it into the response, so no handler writes error JSON itself.

export type TppCode =
  | 'FORMAT_ERROR'
  | 'PARAMETER_NOT_CONSISTENT'
  | 'PARAMETER_NOT_SUPPORTED'
  | 'SERVICE_INVALID'
  | 'RESOURCE_UNKNOWN'
  | 'RESOURCE_EXPIRED'
  | 'PERIOD_INVALID'
  | 'SCA_METHOD_UNKNOWN'
  | 'CONSENT_UNKNOWN'
  | 'CONSENT_INVALID'
  | 'CONSENT_EXPIRED'
  | 'TOKEN_UNKNOWN'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'PRODUCT_UNKNOWN'
  | 'EXECUTION_DATE_INVALID'
  | 'STATUS_INVALID'
  | 'ACCESS_EXCEEDED'
  | 'REQUESTED_FORMATS_INVALID';

export interface TppMessage {
  readonly category: 'ERROR' | 'WARNING';
  readonly code: TppCode;
  readonly path?: string;
  readonly text: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TppCode,
    text: string,
    readonly path?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(text.slice(0, 512));
  }

  toBody(): { tppMessages: TppMessage[] } {
    const message: TppMessage = { category: 'ERROR', code: this.code, text: this.message };
    return { tppMessages: [this.path === undefined ? message : { ...message, path: this.path }] };
  }
}

export const formatError = (path: string, text: string) => new ApiError(400, 'FORMAT_ERROR', text, path);
