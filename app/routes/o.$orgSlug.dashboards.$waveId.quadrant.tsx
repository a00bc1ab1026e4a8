import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartFrame, QuadrantChart, QUADRANT_COLORS } from "~/components/charts";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { quadrantView } from "~/modules/dashboards/views";
import { StabilityNote } from "~/components/stability-note";
import type { QuadrantKey } from "~/modules/analytics/quadrant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return dashboardPage(request, params, (analytics) => quadrantView(analytics));
}

export default function Quadrant() {
  const { k, empty, view, orgSlug } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  const labels = Object.fromEntries(Object.entries(view.quadrants).map(([key, value]) => [key, value.title]));
  const order: QuadrantKey[] = ["leader-with-authority", "informal-leader", "positional-manager", "contributor"];
  const lists: [QuadrantKey, typeof view.informalLeaders][] = [
    ["informal-leader", view.informalLeaders],
    ["positional-manager", view.positionalManagers],
    ["leader-with-authority", view.leadersWithAuthority],
  ];
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-slate-700">
        Each person is placed by the authority their title gives them (people in their reporting line) and by the authority others
        freely give them (how many chose to follow their lead). The quadrants are prompts for conversation, not verdicts: one wave of one
        question is a snapshot, and influence moves.
      </p>
      <section className="card p-4" aria-labelledby="rule-heading">
        <h2 id="rule-heading" className="font-semibold">
          The rule, the same for everyone
        </h2>
        <p className="mt-1 max-w-4xl text-sm text-slate-700">{view.sentence}</p>
      </section>
      <ChartFrame title="Positional vs earned" description={`Horizontal: direct reports. Vertical: followers. ${view.followers} Dashed: the rule's boundaries.`} height={420} fileName="quadrant">
        <QuadrantChart points={view.points} informalThreshold={view.rule.informalThreshold} labels={labels} />
      </ChartFrame>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {order.map((key) => (
          <li key={key} className="card p-4">
            <p className="flex items-center gap-2 font-semibold">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: QUADRANT_COLORS[key] }} />
              {view.quadrants[key].title}
              <span className="ml-auto tabular-nums text-slate-600">{view.counts[key]}</span>
            </p>
            <p className="mt-2 text-sm text-slate-700">{view.quadrants[key].prompt}</p>
          </li>
        ))}
      </ul>
      <div className="grid gap-6 lg:grid-cols-3">
        {lists.map(([key, people]) => (
          <section key={key} className="card p-5" aria-labelledby={`list-${key}`}>
            <h2 id={`list-${key}`} className="font-semibold">
              {view.quadrants[key].title}
            </h2>
            {people.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Nobody in this group in this wave.</p>
            ) : (
              <ol className="mt-3 space-y-2 text-sm">
                {people.map((person) => (
                  <li key={person.id} className="flex justify-between gap-3">
                    <span>
                      {person.named ? (
                        <Link to={`/o/${orgSlug}/dashboards/person/${person.id}`} className="link">
                          {person.name}
                        </Link>
                      ) : (
                        person.name
                      )}
                      <StabilityNote stability={person.stability} />
                    </span>
                    <span className="whitespace-nowrap tabular-nums text-slate-600">
                      {person.followers} followers · {person.directReports} direct
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
