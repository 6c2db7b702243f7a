// The Developer Portal calls the scopes "API products"; errors must use the names the user sees there.
import type { Product } from './operationTypes';

export const PRODUCT_NAMES: Readonly<Record<Product, string>> = {
  aspspinformation: 'ASPSP Information',
  accountinformation: 'Account Information',
  paymentinitiation: 'Payment Initiation',
};

export const DEVELOPER_PORTAL_URL = 'https://developer.openpayments.io';
