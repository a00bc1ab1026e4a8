import Papa from "papaparse";

/**
 * CSV for download. Values that a spreadsheet would run as a formula (=, +, -, @ first) are
 * quoted harmlessly: names and departments come from uploaded rosters.
 */
export function toCsv(input: Record<string, unknown>[] | { fields: string[]; data: unknown[][] }): string {
  return Papa.unparse(input as Papa.UnparseObject<unknown[]>, { escapeFormulae: true });
}
