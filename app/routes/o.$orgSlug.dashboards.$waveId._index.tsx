import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChartFrame, DistributionChart, TrendChart } from "~/components/charts";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { Notice } from "~/components/layout";
import { db } from "~/db.server";
import { formatDateTime } from "~/modules/dates";
import { dashboardPage, loadSeries } from "~/modules/dashboards/dashboard.server";
import { overviewView } from "~/modules/dashboards/views";
import { shuffle } from "~/modules/shuffle.server";
import { describeParticipation } from "~/modules/anonymity/participation";
import { commentSentence } from "~/modules/anonymity/policy";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return dashboardPage(request, params, async (analytics, dashboard) =>
    ({ ...overviewView(analytics, await loadSeries(db, dashboard), shuffle), commentSentence: commentSentence(analytics.k, dashboard.member.commentMinGroupSize) }),
  );
}

const format = (value: number) => value.toFixed(2);

export default function Overview() {
  const { k, empty, view, computedAt } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  const shownConstructs = view.constructs.filter((c): c is Extract<typeof c, { mean: number }> => "mean" in c);
  const severalWaves = view.trends.enps.length > 1;
  return (
    <div className="space-y-6">
      {view.noised ? <Notice>Counts on this dashboard carry differential-privacy noise (the organization's setting), so they may differ slightly from the truth and from each other.</Notice> : null}
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Responses</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{view.responses ?? "—"}</dd>
          {view.participation && view.participation.total.invited > 0 ? <dd className="text-sm text-slate-600">answered: {describeParticipation(view.participation.total)}</dd> : null}
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Authority index</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{view.authorityIndex === null ? "—" : (view.authorityIndex > 0 ? "+" : "") + format(view.authorityIndex)}</dd>
          <dd className="text-sm text-slate-600">earned minus positional, −4 to +4</dd>
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">eNPS</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{"score" in view.enps ? (view.enps.score > 0 ? "+" : "") + view.enps.score : "—"}</dd>
          <dd className="text-sm text-slate-600">{"score" in view.enps ? `${view.enps.promoters} promoters, ${view.enps.detractors} detractors` : `hidden below ${k} answers`}</dd>
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
                  <td className="text-right tabular-nums">{"mean" in c ? format(c.mean) : <span className="text-slate-500">suppressed</span>}</td>
                  <td className="text-right tabular-nums">{"n" in c ? c.n : `fewer than ${k}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      {severalWaves ? (
        <div className="grid gap-6 xl:grid-cols-2">
          <ChartFrame title="Trends across waves" description="Mean score per construct; gaps are waves where a figure was suppressed." fileName="trends">
            <TrendChart series={view.trends.constructs.map((t) => ({ label: t.label, points: t.points.map((p) => ({ wave: p.wave, value: p.mean })) }))} domain={[1, 5]} />
          </ChartFrame>
          <ChartFrame title="eNPS and authority index across waves" fileName="enps-trend">
            <TrendChart
              series={[
                { label: "eNPS", points: view.trends.enps.map((p) => ({ wave: p.wave, value: p.score })) },
                { label: "Authority index × 25", points: view.trends.authority.map((p) => ({ wave: p.wave, value: p.value === null ? null : p.value * 25 })) },
              ]}
            />
          </ChartFrame>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Trends appear here from the second wave of this survey on.</p>
      )}

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
                <span className="tabular-nums">{"suppressed" in row ? <span className="text-slate-500">hidden</span> : `${Math.round((row.answered / row.invited) * 100)}%`}</span>
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
      {computedAt ? <p className="text-xs text-slate-500">Figures computed {formatDateTime(computedAt)}.</p> : null}
    </div>
  );
}
