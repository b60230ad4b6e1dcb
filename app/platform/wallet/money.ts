/**
 * Money is integer cents everywhere inside (storage, sums, comparisons) and yuan numbers with at most two
 * decimals on the wire. Conversion is exact: a decimal with two places parses to the double nearest to
 * cents / 100, and that is what dividing the integer gives back, so the round trip below accepts exactly
 * the numbers a client could have meant as yuan and fen (19.99 yes; 1.005 or 0.1 + 0.2 no).
 */

/** One credit or debit: 1,000,000.00 yuan. */
export const MAX_MOVE_CENTS = 100_000_000;
/** One wallet: 100,000,000.00 yuan, far below 2^53 cents, so every sum stays exact. */
export const MAX_BALANCE_CENTS = 10_000_000_000;

/** The cents a yuan amount names, or undefined when it is not a finite number with at most two decimals. */
export function centsOf(yuan: number): number | undefined {
  if (!Number.isFinite(yuan)) return undefined;
  const cents = Math.round(yuan * 100);
  return Number.isSafeInteger(cents) && cents / 100 === yuan ? cents : undefined;
}

/** Yuan to cents; throws (a programming error: the joi field checked it) for anything else. */
export function yuanToCents(yuan: number): number {
  const cents = centsOf(yuan);
  if (cents === undefined) throw new RangeError(`not a yuan amount with at most two decimals: ${yuan}`);
  return cents;
}

/** Cents to the yuan number answered on the wire (1999 → 19.99, 1000 → 10). */
export function centsToYuan(cents: number): number {
  return cents / 100;
}
