import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigate } from "@remix-run/react";
import { ChartFrame, QuadrantChart, QUADRANT_COLORS } from "~/components/charts";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { Pagination, pageFrom } from "~/components/pagination";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { plural } from "~/modules/dashboards/labels";
import { POSITION_PAGE_SIZE, quadrantView } from "~/modules/dashboards/views";
import { StabilityNote } from "~/components/stability-note";
import type { QuadrantKey } from "~/modules/analytics/quadrant";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const selected = selectedPosition(search);
  // Made once per view and position asked for (a few hundred positions at most), then kept.
  const key = selected ? `quadrant:${selected.directReports}:${selected.followers}:${selected.page}` : "quadrant";
  return dashboardPage(request, params, (analytics, dashboard) => dashboard.derive(key, () => quadrantView(analytics, selected), () => 200_000));
}

/** `?reports=3&followers=5`: the position whose people to list. Anything else lists nobody. */
function selectedPosition(search: URLSearchParams) {
  const count = (name: string) => {
    const value = search.get(name);
    return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : null;
  };
  const directReports = count("reports");
  const followers = count("followers");
  return directReports === null || followers === null ? null : { directReports, followers, page: pageFrom(search) };
}

const positionHref = (position: { directReports: number; followers: number }) => `?reports=${position.directReports}&followers=${position.followers}#at-position`;

export default function Quadrant() {
  const { k, empty, view, orgSlug } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const location = useLocation();
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
      <ChartFrame
        title="Positional vs earned"
        description={`Horizontal: direct reports. Vertical: followers. ${view.followers} One circle per position, sized and numbered by how many people share it; select one to list them. Dashed: the rule's boundaries.`}
        height={440}
        fileName="quadrant"
      >
        <QuadrantChart positions={view.positions} informalThreshold={view.rule.informalThreshold} labels={labels} onSelect={(position) => navigate(`${location.pathname}${positionHref(position)}`, { preventScrollReset: true })} />
      </ChartFrame>
      {view.selected ? (
        <section id="at-position" className="card p-5" aria-labelledby="at-position-heading">
          <h2 id="at-position-heading" className="font-semibold">
            {plural(view.selected.directReports, "direct report")}, {plural(view.selected.followers, "follower")}: {plural(view.selected.total, "person", "people")} ({view.quadrants[view.selected.quadrant].title.toLowerCase()})
          </h2>
          <ul className="mt-3 grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {view.selected.people.map((person) => (
              <li key={person.id}>
                {person.named ? (
                  <Link to={`/o/${orgSlug}/dashboards/person/${person.id}`} className="link">
                    {person.name}
                  </Link>
                ) : (
                  <span title="The organization's naming setting keeps this person anonymous.">{person.name}</span>
                )}
                {person.title ? <span className="text-slate-600"> · {person.title}</span> : null}
                <StabilityNote stability={person.stability} />
              </li>
            ))}
          </ul>
          <Pagination page={view.selected.page} pageSize={POSITION_PAGE_SIZE} total={view.selected.total} label="People at this position" />
        </section>
      ) : null}
      <details className="card p-5">
        <summary className="cursor-pointer font-semibold">Every position as a table ({plural(view.positions.length, "position")})</summary>
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Positions in the quadrant">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col" className="text-right">
                  Direct reports
                </th>
                <th scope="col" className="text-right">
                  Followers
                </th>
                <th scope="col">Place</th>
                <th scope="col" className="text-right">
                  People
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.positions.map((position) => (
                <tr key={`${position.directReports}:${position.followers}`}>
                  <td className="text-right tabular-nums">{position.directReports}</td>
                  <td className="text-right tabular-nums">{position.followers}</td>
                  <td>{view.quadrants[position.quadrant].title}</td>
                  <td className="text-right tabular-nums">
                    <Link to={positionHref(position)} className="link" aria-label={`List the ${plural(position.count, "person", "people")} with ${plural(position.directReports, "direct report")} and ${plural(position.followers, "follower")}`}>
                      {position.count === 1 ? position.label : plural(position.count, "person", "people")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="How many people in each place">
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
                      {plural(person.followers, "follower")} · {person.directReports} direct
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
