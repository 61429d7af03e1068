// The spreadsheet formula guard (OWASP CSV injection), shared by the CSV export that adds it and the import
// that takes it off again, so an exported file re-imports unchanged.

/** A cell a spreadsheet would read as a formula: it starts with = + - @ tab or CR, or their full-width forms. */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Undoes the guard our CSV export adds (a leading ' before a formula start): "'+1 212 555 0100" is the phone
 * "+1 212 555 0100". A value that really starts with ' followed by one of those characters cannot survive a CSV round trip.
 */
export function withoutFormulaGuard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
