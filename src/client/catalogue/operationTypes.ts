// The shape of one platform operation. The catalogue (catalogue.ts) is the only list of operations;
// commands, views, history, tests and the local sandbox all read it, and it names the shape with its own
// ids (`Operation`, `OperationId`), so the ids are a type only the catalogue's entries define.

export type Product = 'aspspinformation' | 'accountinformation' | 'paymentinitiation';
export type PsuContext = 'private' | 'corporate';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type OperationGroup = 'ASPSP Information' | 'Consent' | 'Account Information' | 'Payment Initiation';

/** Where a parameter's value usually comes from, so the UI can prefill it from the current selection. */
export type ParamSource =
  | 'bicFi'
  | 'consentId'
  | 'consentAuthorisationId'
  | 'accountId'
  | 'transactionId'
  | 'paymentService'
  | 'paymentProduct'
  | 'paymentId'
  | 'paymentAuthorisationId'
  | 'cancellationId'
  | 'isoCountryCode'
  | 'cityId'
  | 'setting'
  | 'user';

export interface OperationParam {
  /** Name exactly as on the wire: path template name, query name, or header name. */
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description: string;
  readonly source: ParamSource;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly example?: string;
}

export interface OperationShape<Id extends string = string> {
  /** The OAS operationId, unique. */
  readonly id: Id;
  /** Human title, as in the platform docs ("Get ASPSPs"). */
  readonly title: string;
  readonly group: OperationGroup;
  readonly method: HttpMethod;
  /** Path on the API host including the /psd2 prefix, with {name} placeholders. */
  readonly path: string;
  readonly product: Product;
  /** Path, query and header parameters other than Authorization and X-Request-ID (always sent). */
  readonly params: readonly OperationParam[];
  /** A JSON body template for POST/PUT operations that take one. */
  readonly bodyTemplate?: unknown;
  /** The platform documents some operations as not supported by any ASPSP (payment cancellation). */
  readonly supportedByPlatform: boolean;
}
