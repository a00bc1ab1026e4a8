import { TZDate } from "@date-fns/tz";

/** "24 Nov 2026, 14:05 UTC": one unambiguous format for admins in every time zone. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = new Date(value);
  return `${date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}, ${date.toISOString().slice(11, 16)} UTC`;
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Value for <input type="datetime-local">: the moment as a wall clock in `timeZone`. */
export function toDateTimeInput(value: Date | string | null | undefined, timeZone = "UTC"): string {
  if (!value) return "";
  const wall = new TZDate(new Date(value), timeZone);
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}T${pad(wall.getHours())}:${pad(wall.getMinutes())}`;
}

const DATE_TIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Reads a datetime-local value as a wall clock in `timeZone`; null when it is not one. A time the
 * clocks skip (spring forward) moves on by the gap, as the zone's own clocks would.
 */
export function fromDateTimeInput(value: string, timeZone: string): Date | null {
  const match = DATE_TIME_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const moment = new TZDate(year, month - 1, day, hour, minute, timeZone);
  if (moment.getMonth() !== month - 1) return null; // 31 Feb rolls into March: not a date.
  return new Date(moment.getTime());
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
