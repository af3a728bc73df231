/**
 * CSV as staff open it in a spreadsheet: a BOM so Excel reads Vietnamese as UTF-8, CRLF line ends, quotes
 * where a value holds a separator, quote or line break, and any value a spreadsheet would run as a formula
 * (= + - @, tab, CR first) prefixed with a quote (CSV injection: a citizen's name is not a formula).
 */
export type CsvValue = string | number | null;

export const csvCell = (v: CsvValue): string => {
  if (v === null) return '';
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The rows as one CSV document, BOM first. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
