import Papa from "papaparse";
import { MAX_ROSTER_ROWS } from "./roster-limits";

/**
 * Reading a roster CSV: bytes → text → rows, with a reason for every row that cannot be used.
 * Pure: no database. Checks that need the whole roster (duplicates, managers, cycles) live in
 * roster-check.ts.
 */

export const MAX_COLUMNS = 100;
export const MAX_ROWS = MAX_ROSTER_ROWS;
export const MAX_CELL_LENGTH = 1_000;

export type RosterField = "email" | "name" | "title" | "manager_email" | "department" | "location" | "level";

export type RosterRow = {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  location: string | null;
  level: string | null;
  managerEmail: string | null;
  attributes: Record<string, string>;
};

export type RowProblem = { line: number; email: string | null; message: string };
export type FileProblem = { message: string };

export type ParsedRoster = {
  /** Which column of the file feeds each field; custom attributes keep their header. */
  columns: { field: RosterField | "first_name" | "last_name" | "attribute"; header: string; key: string }[];
  rows: RosterRow[];
  problems: RowProblem[];
  totalRows: number;
};

const ALIASES: Record<RosterField | "first_name" | "last_name", string[]> = {
  email: ["email", "e mail", "email address", "work email", "work email address", "business email", "mail"],
  name: ["name", "full name", "employee name", "display name", "employee"],
  first_name: ["first name", "given name", "firstname"],
  last_name: ["last name", "surname", "family name", "lastname"],
  title: ["title", "job title", "position", "role", "job"],
  manager_email: [
    "manager email",
    "manager e mail",
    "manager email address",
    "manager",
    "reports to",
    "reports to email",
    "supervisor email",
    "supervisor",
    "line manager email",
    "line manager",
  ],
  department: ["department", "dept", "division", "function"],
  location: ["location", "office", "site", "city", "work location"],
  level: ["level", "job level", "grade", "band", "career level"],
};

const FIELD_BY_ALIAS = new Map(
  Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field] as const)),
);

const FIELD_LABEL: Record<string, string> = {
  email: "email",
  name: "name",
  first_name: "first name",
  last_name: "last name",
  title: "title",
  manager_email: "manager email",
  department: "department",
  location: "location",
  level: "level",
};

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.:/]+/g, " ")
    .trim();
}

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** Text from the uploaded bytes, or why it cannot be read. */
export function decodeRosterBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return { ok: false, problem: { message: "The file is empty." } };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return {
      ok: false,
      problem: { message: "This is a spreadsheet (.xlsx) or another zipped file, not CSV. Save it as “CSV UTF-8” and upload that." },
    };
  }
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: { message: "The file's text encoding cannot be read. Save it as “CSV UTF-8” and upload it again." },
    };
  }
  if (text.includes("\u0000")) {
    return { ok: false, problem: { message: "The file contains binary data, not CSV text. Export the roster as “CSV UTF-8”." } };
  }
  if (text.trim() === "") return { ok: false, problem: { message: "The file is empty." } };
  return { ok: true, text };
}

/** Rows from CSV text, each either usable or with the reason it is not. */
export function parseRosterText(text: string): { ok: true; roster: ParsedRoster } | { ok: false; problem: FileProblem } {
  const records: { cells: string[]; line: number }[] = [];
  let previousEnd = 0;
  let line = 1;
  let tooManyRows = false;
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t", "|"],
    step: (step, parser) => {
      let start = previousEnd;
      while (start < text.length && (text[start] === "\n" || text[start] === "\r")) start++;
      line += countLineBreaks(text, previousEnd, start);
      records.push({ cells: step.data, line });
      line += countLineBreaks(text, start, step.meta.cursor);
      previousEnd = step.meta.cursor;
      if (records.length > MAX_ROWS + 1) {
        tooManyRows = true;
        parser.abort();
      }
    },
  });
  void result;
  if (tooManyRows) {
    return { ok: false, problem: { message: `The file has more than ${MAX_ROWS.toLocaleString("en")} rows. Split it, or contact us for larger imports.` } };
  }
  const header = records.shift();
  if (!header || header.cells.every((cell) => cell.trim() === "")) return { ok: false, problem: { message: "The file is empty." } };
  if (header.cells.length > MAX_COLUMNS) {
    return { ok: false, problem: { message: `The file has ${header.cells.length} columns; at most ${MAX_COLUMNS} are allowed.` } };
  }

  const columns: ParsedRoster["columns"] = [];
  const fieldColumn = new Map<string, number>();
  const attributeKeys = new Set<string>();
  for (const [index, raw] of header.cells.entries()) {
    const headerText = raw.replace(/^\uFEFF/, "").trim();
    const field = FIELD_BY_ALIAS.get(normalizeHeader(headerText));
    if (field) {
      const earlier = fieldColumn.get(field);
      if (earlier !== undefined) {
        return {
          ok: false,
          problem: {
            message: `Two columns both look like ${FIELD_LABEL[field]}: “${columns[earlier]!.header}” and “${headerText}”. Rename or remove one.`,
          },
        };
      }
      fieldColumn.set(field, index);
      columns.push({ field: field as ParsedRoster["columns"][number]["field"], header: headerText, key: field });
    } else {
      let key = headerText || `Column ${index + 1}`;
      for (let n = 2; attributeKeys.has(key); n++) key = `${headerText || `Column ${index + 1}`} (${n})`;
      attributeKeys.add(key);
      columns.push({ field: "attribute", header: headerText, key });
    }
  }
  if (!fieldColumn.has("email")) {
    return { ok: false, problem: { message: "No email column found. Add a column named “email” (or “Work Email”) with each person's email address." } };
  }
  if (!fieldColumn.has("name") && !(fieldColumn.has("first_name") && fieldColumn.has("last_name"))) {
    return { ok: false, problem: { message: "No name column found. Add a column named “name” (or “first name” and “last name”)." } };
  }

  const rows: RosterRow[] = [];
  const problems: RowProblem[] = [];
  for (const record of records) {
    const outcome = readRow(record.cells, record.line, columns, fieldColumn, header.cells.length);
    if ("message" in outcome) problems.push(outcome);
    else rows.push(outcome);
  }
  return { ok: true, roster: { columns, rows, problems, totalRows: records.length } };
}

function readRow(
  cells: string[],
  line: number,
  columns: ParsedRoster["columns"],
  fieldColumn: Map<string, number>,
  headerLength: number,
): RosterRow | RowProblem {
  const value = (field: string) => {
    const index = fieldColumn.get(field);
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
  const rawEmail = value("email");
  const email = rawEmail.toLowerCase();
  const problem = (message: string): RowProblem => ({ line, email: email || null, message });

  if (cells.length > headerLength && cells.slice(headerLength).some((cell) => cell.trim() !== "")) {
    return problem(`This row has ${cells.length} values but the header has ${headerLength} columns. Check for an unquoted comma.`);
  }
  if (cells.some((cell) => cell.length > MAX_CELL_LENGTH)) {
    return problem(`A value is longer than ${MAX_CELL_LENGTH.toLocaleString("en")} characters.`);
  }
  if (!email) return problem("The email is missing.");
  if (!isEmail(email)) return problem(`“${rawEmail}” is not an email address.`);

  const name = value("name") || [value("first_name"), value("last_name")].filter(Boolean).join(" ");
  if (!name) return problem("The name is missing.");

  const rawManager = value("manager_email");
  const managerEmail = rawManager ? rawManager.toLowerCase() : null;
  if (managerEmail && !isEmail(managerEmail)) return problem(`The manager email “${rawManager}” is not an email address.`);
  if (managerEmail === email) return problem("This person is listed as their own manager.");

  const attributes: Record<string, string> = {};
  columns.forEach((column, index) => {
    const cell = (cells[index] ?? "").trim();
    if (column.field === "attribute" && cell) attributes[column.key] = cell;
  });
  const optional = (field: string) => value(field) || null;
  return {
    line,
    email,
    name,
    title: optional("title"),
    department: optional("department"),
    location: optional("location"),
    level: optional("level"),
    managerEmail,
    attributes,
  };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) count++;
    else if (char === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
