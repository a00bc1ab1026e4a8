import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartFrame, DistributionChart } from "~/components/charts";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { Hidden, MissingFiguresLegend } from "~/components/figure-state";
import { Notice } from "~/components/layout";
import { SmallMultiples } from "~/components/small-multiples";
import { db } from "~/db.server";
import { formatDateTime } from "~/modules/dates";
import { dashboardPage, loadSeries } from "~/modules/dashboards/dashboard.server";
import { authorityReading, overviewFindings, trendMetrics, type OverviewFindings } from "~/modules/dashboards/findings";
import { overviewView } from "~/modules/dashboards/views";
import { shuffle } from "~/modules/shuffle.server";
import { describeParticipation } from "~/modules/anonymity/participation";
import { commentSentence } from "~/modules/anonymity/policy";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return dashboardPage(request, params, async (analytics, dashboard) => {
    const series = await loadSeries(db, dashboard);
    const previous = series.length > 1 ? series.at(-2)!.analytics : null;
    return {
      ...overviewView(analytics, shuffle),
      findings: overviewFindings(analytics, previous, dashboard.member.personId),
      metrics: series.length > 1 ? trendMetrics(series) : null,
      commentSentence: commentSentence(analytics.k, dashboard.member.commentMinGroupSize),
    };
  });
}

const format = (value: number) => value.toFixed(2);

export default function Overview() {
  const { k, empty, view, computedAt, orgSlug } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  const shownConstructs = view.constructs.filter((c): c is Extract<typeof c, { mean: number }> => "mean" in c);
  const reading = view.authorityIndex === null ? null : authorityReading(view.authorityIndex);
  return (
    <div className="space-y-6">
      {view.noised ? <Notice>Counts on this dashboard carry differential-privacy noise (the organization's setting), so they may differ slightly from the truth and from each other.</Notice> : null}
      <Findings findings={view.findings} k={k} orgSlug={orgSlug} />
      <h2 className="sr-only">Key figures</h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Responses</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{view.responses ?? <Hidden reason="fewer-than-k" k={k} />}</dd>
          {view.participation && view.participation.total.invited > 0 ? <dd className="text-sm text-slate-600">answered: {describeParticipation(view.participation.total)}</dd> : null}
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Authority index</dt>
          {reading ? (
            <>
              <dd className="mt-1 flex items-baseline gap-2">
                <span className="text-3xl font-semibold tabular-nums">{reading.display}</span>
                <span className="text-sm font-medium text-slate-700">{reading.verdict}</span>
              </dd>
              <dd aria-hidden="true" className="mt-2">
                <span className="relative block h-1.5 rounded-full bg-gradient-to-r from-amber-600 via-slate-200 to-indigo-700">
                  <span className="absolute -top-1 h-3.5 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: `${reading.position * 100}%` }} />
                </span>
                <span className="mt-1 flex justify-between text-xs text-slate-600">
                  <span>−4 title</span>
                  <span>0</span>
                  <span>+4 earned</span>
                </span>
              </dd>
              <dd className="mt-1 text-sm text-slate-600">{reading.sentence}</dd>
            </>
          ) : (
            <dd className="mt-1">
              <Hidden reason="fewer-than-k" k={k} />
            </dd>
          )}
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">eNPS</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{"score" in view.enps ? (view.enps.score > 0 ? "+" : "") + view.enps.score : <Hidden reason="fewer-than-k" k={k} />}</dd>
          {"score" in view.enps ? <dd className="text-sm text-slate-600">{`${view.enps.promoters} promoters, ${view.enps.detractors} detractors (−100 to +100)`}</dd> : null}
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Minimum group size</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{k}</dd>
          <dd className="text-sm text-slate-600">people who answered, in every group shown</dd>
        </div>
      </dl>

      <div className="grid gap-6 xl:grid-cols-2">
        <ChartFrame title="Constructs" description="Share of answers from strongly disagree to strongly agree." height={60 + shownConstructs.length * 48} fileName="constructs">
          <DistributionChart rows={shownConstructs.map((c) => ({ label: c.label, distribution: c.distribution }))} />
        </ChartFrame>
        <section className="card overflow-x-auto p-5" aria-labelledby="scores" tabIndex={0}>
          <h2 id="scores" className="font-semibold">
            Scores
          </h2>
          <table className="table-base mt-2">
            <thead>
              <tr>
                <th scope="col">Construct</th>
                <th scope="col" className="text-right">
                  Mean (1–5)
                </th>
                <th scope="col" className="text-right">
                  Answers
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.constructs.map((c) => (
                <tr key={c.construct}>
                  <td>{c.label}</td>
                  <td className="text-right tabular-nums">{"mean" in c ? format(c.mean) : <Hidden reason="fewer-than-k" k={k} />}</td>
                  <td className="text-right tabular-nums">{"n" in c ? c.n : `fewer than ${k}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      {view.metrics ? (
        <section aria-labelledby="trends" className="space-y-3">
          <h2 id="trends" className="font-semibold">
            Trends across waves
          </h2>
          <p className="text-sm text-slate-600">Each figure on its own scale, with its change since the previous wave; a gap is a wave where the figure was hidden.</p>
          <SmallMultiples metrics={view.metrics} k={k} />
        </section>
      ) : null}

      {view.participation && view.participation.byDepartment.length > 0 ? (
        <section className="card p-5" aria-labelledby="participation">
          <h2 id="participation" className="font-semibold">
            Response rate by department
          </h2>
          <p className="mt-1 text-sm text-slate-600">Shown where at least {k} answered and at least {k} did not, so that nobody can tell who answered.</p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {view.participation.byDepartment.map((row) => (
              <li key={row.department} className="flex justify-between rounded bg-slate-50 px-3 py-2 text-sm">
                <span>{row.department}</span>
                <span className="tabular-nums">{"suppressed" in row ? <Hidden reason={row.reason === "complementary" ? "complementary" : "participation"} k={k} /> : `${Math.round((row.answered / row.invited) * 100)}%`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card p-5" aria-labelledby="comments">
        <h2 id="comments" className="font-semibold">
          Comments
        </h2>
        {view.comments.state === "shown" ? (
          view.comments.items.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No comments in this wave.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-600">In random order, without dates.</p>
              <ul className="mt-3 space-y-2">
                {view.comments.items.map((comment, index) => (
                  <li key={index} className="rounded-lg bg-slate-50 p-3 text-sm">
                    {comment}
                  </li>
                ))}
              </ul>
            </>
          )
        ) : (
          <p className="mt-2 text-sm text-slate-600">{view.commentSentence}</p>
        )}
      </section>
      <MissingFiguresLegend k={k} />
      {computedAt ? <p className="text-xs text-slate-500">Figures computed {formatDateTime(computedAt)}.</p> : null}
    </div>
  );
}

const percent = (whole: number) => `${whole}%`;

/** The positional-vs-earned story: the first thing on the page, each finding with what it means. */
function Findings({ findings, k, orgSlug }: { findings: OverviewFindings; k: number; orgSlug: string }) {
  const { followership, informalLeaders, leastFollowed, change } = findings;
  const personLink = (person: { id: string; name: string }) => (
    <Link to={`/o/${orgSlug}/dashboards/person/${person.id}`} className="link">
      {person.name}
    </Link>
  );
  return (
    <section aria-labelledby="findings" className="space-y-4">
      <h2 id="findings" className="sr-only">
        What this wave says
      </h2>
      <div className="card p-5">
        {followership ? (
          <>
            <p className="text-lg font-semibold text-slate-900" data-testid="headline">
              <span className="text-3xl tabular-nums text-indigo-800">{percent(followership.outside)}</span> of followership goes to people outside the chooser's reporting line
            </p>
            <div className="mt-3 flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
              <span className="bg-indigo-700" style={{ width: percent(followership.outside) }} />
              <span className="bg-amber-600" style={{ width: percent(followership.below) }} />
              <span className="bg-[repeating-linear-gradient(45deg,#cbd5e1_0_4px,#f1f5f9_4px_8px)]" style={{ width: percent(followership.unknown) }} />
            </div>
            <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
              <li>
                <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-indigo-700" />
                outside the line: {percent(followership.outside)} ({followership.split.outside.toLocaleString("en")})
              </li>
              <li>
                <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-amber-600" />
                their own managers up the line: {percent(followership.below)} ({followership.split.below.toLocaleString("en")})
              </li>
              <li>
                <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-slate-300" />
                not known: {percent(followership.unknown)} ({followership.split.unknown.toLocaleString("en")})
              </li>
            </ul>
            <p className="mt-2 text-sm text-slate-700">{followership.sentence}</p>
            {followership.question ? <p className="mt-1 text-xs text-slate-600">From {followership.split.total.toLocaleString("en")} choices on “{followership.question}”.</p> : null}
          </>
        ) : (
          <p className="text-sm text-slate-700">
            Where followership goes: <Hidden reason="fewer-than-k" k={k} /> — fewer than {k} choices in this view so far.
          </p>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="card p-5">
          <h3 className="text-sm text-slate-600">Informal leaders</h3>
          <p className="mt-1 text-3xl font-semibold tabular-nums">{informalLeaders.count}</p>
          {informalLeaders.named.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm">
              {informalLeaders.named.map((person) => (
                <li key={person.id} className="flex justify-between gap-2">
                  {personLink(person)}
                  <span className="tabular-nums text-slate-600">{person.figure}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {informalLeaders.unnamed.count > 0 ? (
            <p className="mt-2 text-sm text-slate-600">
              {informalLeaders.named.length > 0 ? "And " : ""}
              {informalLeaders.unnamed.departments.map((row) => `${row.count} in ${row.department}`).join(", ")}, not named: the organization's naming setting keeps people without a formal role anonymous.
            </p>
          ) : null}
          <p className="mt-2 text-sm text-slate-700">{informalLeaders.sentence}</p>
        </div>
        <div className="card p-5">
          <h3 className="text-sm text-slate-600">{leastFollowed.title}</h3>
          {leastFollowed.managers ? (
            <>
              <ul className="mt-2 space-y-1 text-sm">
                {leastFollowed.managers.map((person) => (
                  <li key={person.id} className="flex justify-between gap-2">
                    {personLink(person)}
                    <span className="tabular-nums text-slate-600">{person.figure}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-slate-700">{leastFollowed.sentence}</p>
            </>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{leastFollowed.sentence}</p>
          )}
        </div>
        <div className="card p-5">
          <h3 className="text-sm text-slate-600">Since the last wave</h3>
          {change ? (
            <>
              <ul className="mt-2 space-y-1 text-sm">
                {change.items.map((item) => (
                  <li key={item.label} className="flex justify-between gap-2">
                    <span>{item.label}</span>
                    <span className={`tabular-nums ${item.direction === "flat" ? "text-slate-600" : item.direction === "up" ? "text-indigo-800" : "text-amber-800"}`}>
                      {item.direction === "up" ? "▲ " : item.direction === "down" ? "▼ " : ""}
                      {item.delta}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-slate-700">{change.sentence}</p>
            </>
          ) : (
            <p className="mt-2 text-sm text-slate-700">The first wave of this survey: changes appear from the next one on.</p>
          )}
        </div>
      </div>
    </section>
  );
}
