import type { ParsedRoster, RosterRow, RowProblem } from "./roster-csv";

/**
 * Checks that need the whole file and the current roster, and what applying would change.
 * Pure: the caller loads the roster.
 */

/** A person already in the roster, in the shape of a row of the file. */
export type ExistingPerson = Omit<RosterRow, "line"> & { active: boolean };

export type RosterCounts = { new: number; updated: number; unchanged: number; deactivated: number };

/** One field that applying a row would change; the manager by email, custom attributes by header. */
export type FieldChange = { field: string; from: string | null; to: string | null };

export type RowChange = "new" | "updated" | "unchanged";

/** A row that will be applied, with what it changes. */
export type PlannedRow = RosterRow & { change: RowChange; changes: FieldChange[] };

export type RosterPlan = {
  /** Rows without any problem: applying writes these and skips the rows named in `problems`. */
  rows: PlannedRow[];
  problems: RowProblem[];
  counts: RosterCounts;
};

export function checkRoster(
  parsed: ParsedRoster,
  existing: ExistingPerson[],
  { deactivateMissing }: { deactivateMissing: boolean },
): RosterPlan {
  const problems: RowProblem[] = [...parsed.problems];
  const flagged = new Set<RosterRow>();
  const flag = (row: RosterRow, message: string) => {
    flagged.add(row);
    problems.push({ line: row.line, email: row.email, message });
  };

  const firstLineOf = new Map<string, number>();
  for (const row of parsed.rows) {
    const first = firstLineOf.get(row.email);
    if (first === undefined) firstLineOf.set(row.email, row.line);
    else flag(row, `${row.email} appears more than once (first on line ${first}).`);
  }

  // Rows with a problem of their own still name a person who is in the file.
  const emailsInFile = new Set<string>(firstLineOf.keys());
  for (const problem of parsed.problems) if (problem.email) emailsInFile.add(problem.email);
  const existingByEmail = new Map(existing.map((person) => [person.email, person]));
  const rowByEmail = new Map<string, RosterRow>();
  for (const row of parsed.rows) if (!flagged.has(row)) rowByEmail.set(row.email, row);

  // Applying skips rows with a problem, so every check runs on the roster as it will be without
  // them; skipping one row can leave another without its manager or close a loop, hence the repeat.
  const keptAsIs = (email: string) => {
    const person = existingByEmail.get(email);
    return Boolean(person?.active) && (!deactivateMissing || emailsInFile.has(email));
  };
  const valid = (email: string) => {
    const row = rowByEmail.get(email);
    return row !== undefined && !flagged.has(row);
  };
  for (let changed = true; changed; ) {
    const before = flagged.size;
    for (const row of rowByEmail.values()) {
      if (flagged.has(row) || !row.managerEmail || valid(row.managerEmail) || keptAsIs(row.managerEmail)) continue;
      const known = existingByEmail.get(row.managerEmail);
      flag(
        row,
        emailsInFile.has(row.managerEmail)
          ? `The manager ${row.managerEmail} has a problem in this file, so this row is skipped with theirs.`
          : known?.active
            ? `The manager ${row.managerEmail} is not in this file, and people missing from the file are set to be deactivated.`
            : `The manager ${row.managerEmail} is not in this file or in the roster.`,
      );
    }
    for (const cycle of findManagerCycles(chartAfterApplying(existing, rowByEmail, { valid, keptAsIs }))) {
      const loop = [...cycle, cycle[0]].join(" → ");
      for (const email of cycle) {
        const row = rowByEmail.get(email);
        if (row && !flagged.has(row)) flag(row, `The manager chain loops back on itself: ${loop}.`);
      }
    }
    changed = flagged.size > before;
  }

  const rows: PlannedRow[] = [];
  const counts: RosterCounts = { new: 0, updated: 0, unchanged: 0, deactivated: 0 };
  for (const row of parsed.rows) {
    if (flagged.has(row)) continue;
    const person = existingByEmail.get(row.email);
    const changes = person ? diffPerson(person, row) : [];
    const change: RowChange = !person ? "new" : changes.length === 0 ? "unchanged" : "updated";
    counts[change]++;
    rows.push({ ...row, change, changes });
  }
  if (deactivateMissing) {
    for (const person of existing) if (person.active && !emailsInFile.has(person.email)) counts.deactivated++;
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, counts };
}

/** email → manager email once the valid rows are applied; skipped rows keep their people as they are. */
function chartAfterApplying(
  existing: ExistingPerson[],
  rowByEmail: Map<string, RosterRow>,
  { valid, keptAsIs }: { valid: (email: string) => boolean; keptAsIs: (email: string) => boolean },
): Map<string, string | null> {
  const managerOf = new Map<string, string | null>();
  for (const person of existing) if (keptAsIs(person.email)) managerOf.set(person.email, person.managerEmail);
  for (const row of rowByEmail.values()) if (valid(row.email)) managerOf.set(row.email, row.managerEmail);
  return managerOf;
}

const DIFFED_FIELDS = ["name", "title", "department", "location", "level"] as const;

/** What applying `row` changes about `person`, field by field (an empty list: nothing). */
export function diffPerson(person: ExistingPerson, row: RosterRow): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field, from, to });
  };
  for (const field of DIFFED_FIELDS) compare(field, person[field], row[field]);
  compare("manager", person.managerEmail, row.managerEmail);
  for (const key of new Set([...Object.keys(person.attributes), ...Object.keys(row.attributes)])) {
    compare(key, person.attributes[key] ?? null, row.attributes[key] ?? null);
  }
  if (!person.active) changes.push({ field: "status", from: "inactive", to: "active" });
  return changes;
}

/** Every loop in an email → manager email map, each listed once, starting anywhere on it. */
export function findManagerCycles(managerOf: Map<string, string | null>): string[][] {
  const DONE = 2;
  const ON_PATH = 1;
  const state = new Map<string, number>();
  const cycles: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current && managerOf.has(current) && !state.has(current)) {
      state.set(current, ON_PATH);
      path.push(current);
      current = managerOf.get(current);
    }
    if (current && state.get(current) === ON_PATH) cycles.push(path.slice(path.indexOf(current)));
    for (const email of path) state.set(email, DONE);
  }
  return cycles;
}
