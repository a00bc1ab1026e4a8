import { suppressCells, type SuppressionReason } from "./suppression";

export type DepartmentParticipation =
  | { department: string; invited: number; answered: number }
  | { department: string; suppressed: true; reason: SuppressionReason };

/**
 * Response counts per department, without telling who answered: a department shows when at least
 * k answered and at least k did not, since all-answered (or none) says something about each person.
 */
export function participationByDepartment(rows: { department: string | null; invited: number; answered: number }[], k: number): DepartmentParticipation[] {
  const cells = rows.map((row) => ({ department: row.department ?? "No department", invited: row.invited, answered: row.answered }));
  const suppression = suppressCells(cells, (cell) => [cell.answered, cell.invited - cell.answered], k);
  return cells
    .map((cell): DepartmentParticipation => {
      const reason = suppression.get(cell);
      return reason ? { department: cell.department, suppressed: true, reason } : cell;
    })
    .sort((a, b) => a.department.localeCompare(b.department));
}

/**
 * How many of a scope answered. Exact when at least k answered and at least k did not; otherwise
 * only the side that is safe to say: "fewer than k" or "all but fewer than k". (Everyone having
 * answered is said outright only by a count that must be shown anyway: see the README.)
 */
export type ParticipationTotal =
  | { invited: number; answered: number; exact: true }
  | { invited: number; exact: false; band: "fewer-than-k" | "nearly-all"; k: number };

export function participationTotal(invited: number, answered: number, k: number): ParticipationTotal {
  if (answered >= k && invited - answered >= k) return { invited, answered, exact: true };
  return { invited, exact: false, band: answered < k ? "fewer-than-k" : "nearly-all", k };
}

export function describeParticipation(total: ParticipationTotal): string {
  if (total.exact) return `${total.answered.toLocaleString("en")} of ${total.invited.toLocaleString("en")} (${Math.round((total.answered / Math.max(1, total.invited)) * 100)}%)`;
  if (total.band === "fewer-than-k") return `fewer than ${total.k} of ${total.invited.toLocaleString("en")}`;
  return `all but fewer than ${total.k} of ${total.invited.toLocaleString("en")}`;
}
