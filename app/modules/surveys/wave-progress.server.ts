import type { Db } from "~/db.server";
import { participationCounts } from "~/modules/anonymity/ballots.server";
import { participationByDepartment, participationTotal } from "~/modules/anonymity/participation";

/** How many answered, without telling who: totals and departments under the k rules. */
export async function waveProgress(db: Db, orgId: string, waveId: string, k: number) {
  const [cells, reminders] = await Promise.all([
    participationCounts(db, orgId, waveId),
    db.selectFrom("wave_reminder").select(["reminder_day", "sent_on", "recipients"]).where("wave_id", "=", waveId).orderBy("reminder_day").execute(),
  ]);
  const invited = cells.reduce((sum, cell) => sum + cell.invited, 0);
  const answered = cells.reduce((sum, cell) => sum + cell.answered, 0);
  return { total: participationTotal(invited, answered, k), byDepartment: participationByDepartment(cells, k), reminders };
}
