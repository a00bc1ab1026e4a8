import { describeParticipation } from "~/modules/anonymity/participation";
import { formatDate } from "~/modules/dates";
import type { SurveyPageProgress, SurveyPageWave } from "./types";

/** How many answered: counts only, under the same k rules as every figure. */
export function WaveProgressCard({ wave, progress }: { wave: SurveyPageWave; progress: SurveyPageProgress }) {
  return (
    <section className="card p-5" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="font-semibold">
        Responses
      </h2>
      <p className="mt-2 text-2xl font-semibold tabular-nums">{describeParticipation(progress.total)}</p>
      <p className="mt-1 text-sm text-slate-600">
        Counts only: Earned cannot show who has or has not answered, and nobody can look it up. A count appears when at least {wave.min_group_size} have answered
        and at least {wave.min_group_size} have not.
        {wave.distribution === "email" ? " Reminders go to everyone invited, with a thank-you for those who already answered." : ""}
      </p>
      {progress.byDepartment.length > 1 ? (
        <table className="table-base mt-4">
          <caption className="sr-only">Responses by department</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col" className="text-right">
                Answered
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {progress.byDepartment.map((row) => (
              <tr key={row.department}>
                <td>{row.department}</td>
                <td className="text-right tabular-nums">
                  {"suppressed" in row ? (
                    <span className="text-slate-600">hidden: fewer than {wave.min_group_size} either answered or did not</span>
                  ) : (
                    `${row.answered} of ${row.invited} (${Math.round((row.answered / row.invited) * 100)}%)`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {progress.reminders.length > 0 ? (
        <ul className="mt-4 text-sm text-slate-700">
          {progress.reminders.map((reminder) => (
            <li key={reminder.reminder_day}>
              Reminder after {reminder.reminder_day} days sent on {formatDate(reminder.sent_on)} to {reminder.recipients} {reminder.recipients === 1 ? "person" : "people"}.
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
