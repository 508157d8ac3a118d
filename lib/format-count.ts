// Whole numbers with thousands separators, as en-US writes them ("10,000"). Not toLocaleString:
// it builds an Intl.NumberFormat on every call, and the first one loads locale data, which cost
// the task page ~25 ms of its hydration (4x that on a phone).

const THOUSANDS = /\B(?=(\d{3})+$)/g;

export function formatCount(n: number): string {
  return Number.isSafeInteger(n) ? String(n).replace(THOUSANDS, ",") : String(n);
}
