// How a bank wants a payment's debtor account named, where the platform documents a form other than the IBAN
// the body templates use (reference §7.2): Nordea Sweden takes the debtor of a domestic payment as BBAN. The
// official Postman collection switches its debtorReferenceType to bban for NDEASESS for the same reason.
// Pure data, no `vscode` import, so the templates, the Banks view and the tests share it.

export type DebtorAccountKind = 'iban' | 'bban';

const BBAN_DEBTOR_PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  NDEASESS: ['domestic'],
};

export function debtorAccountKind(bicFi: string | undefined, product: string): DebtorAccountKind {
  return bicFi !== undefined && BBAN_DEBTOR_PRODUCTS[bicFi]?.includes(product) ? 'bban' : 'iban';
}
