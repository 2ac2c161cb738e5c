import { InvalidValueError } from './domain-error.js';

/** The API speaks rupees with at most two decimals; everything inside counts integer paise. */
export function rupeesToPaise(rupees: number, field = 'amount'): number {
  const paise = Math.round(rupees * 100);
  if (!Number.isFinite(rupees) || rupees < 0 || Math.abs(rupees * 100 - paise) > 1e-6) {
    throw new InvalidValueError(field, 'Must be a non-negative amount in rupees with at most 2 decimals');
  }
  if (!Number.isSafeInteger(paise)) throw new InvalidValueError(field, 'Amount too large');
  return paise;
}

export function paiseToRupees(paise: number): number {
  return paise / 100;
}
