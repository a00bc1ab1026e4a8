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

/** Value for <input type="datetime-local">, read as UTC. */
export function toDateTimeInput(value: Date | string | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 16) : "";
}
