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
