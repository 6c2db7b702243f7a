// IBANs the platform's own documentation uses in requests it documents as succeeding, although their ISO 13616
// check digits are wrong. A sandbox that refused them would break the official Postman collection and samples, so
// they are accepted as they are; every other IBAN must pass the mod-97 check (sandbox/README.md).
export const DOCUMENTED_SAMPLE_IBANS: ReadonlySet<string> = new Set([
  // The Postman environments' debtor and creditor placeholders (reference §7.2, "Postman env defaults").
  'SE1230000000000000000001',
  'SE1230000000000000000002',
  // The official sample's Swedbank creditor (reference §7.2, S3 PaymentInitiation/payments.json).
  'SE4880000123451234567890',
]);
