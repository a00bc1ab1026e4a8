import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartFrame, QUADRANT_COLORS, TrendChart } from "~/components/charts";
import { Hidden, MissingFiguresLegend } from "~/components/figure-state";
import { EmptyState, PageHeader } from "~/components/layout";
import { ShareCell } from "~/components/share-cell";
import { StabilityNote } from "~/components/stability-note";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { personTrend } from "~/modules/analytics/dashboard";
import { QUADRANTS } from "~/modules/analytics/quadrant";
import { loadPersonInfluence } from "~/modules/dashboards/dashboard.server";
import { plural } from "~/modules/dashboards/labels";
import { personWaveView } from "~/modules/dashboards/person-view";
import { notFound, requireId } from "~/modules/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name}: influence · Earned` : "Influence · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "leader");
  const found = await loadPersonInfluence(db, member, requireId(params.personId));
  if (!found) throw notFound();
  return {
    orgSlug: member.orgSlug,
    person: found.person,
    surveys: found.surveys.map((survey) => {
      const latest = survey.points.at(-1)!;
      return { name: survey.name, wave: latest.number, latest: personWaveView(latest.analytics, found.person.id), trend: personTrend(survey.points, found.person.id) };
    }),
  };
}

type Survey = ReturnType<typeof useLoaderData<typeof loader>>["surveys"][number];

export default function PersonInfluence() {
  const { orgSlug, person, surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/dashboards`} className="link">
          Dashboards
        </Link>
      </nav>
      <PageHeader title={person.name} description={[person.title, person.department].filter(Boolean).join(" · ")} />
      {surveys.length === 0 ? (
        <EmptyState title="No results yet">This page fills in as survey waves close with enough answers.</EmptyState>
      ) : (
        <div className="space-y-10">
          {surveys.map((survey) => (
            <section key={survey.name} className="space-y-4" aria-labelledby={`survey-${survey.wave}-${survey.name}`}>
              <h2 id={`survey-${survey.wave}-${survey.name}`} className="text-lg font-semibold">
                {survey.name}, wave {survey.wave}
              </h2>
              {survey.latest ? <LatestWave view={survey.latest} /> : null}
              <Trend survey={survey} />
            </section>
          ))}
          <MissingFiguresLegend k={surveys[0]?.latest?.k ?? 0} />
        </div>
      )}
    </>
  );
}

function LatestWave({ view }: { view: NonNullable<Survey["latest"]> }) {
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="card p-5">
          <h3 className="text-sm text-slate-600">Place</h3>
          <p className="mt-1 flex items-center gap-2 text-xl font-semibold">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: QUADRANT_COLORS[view.place.quadrant] }} />
            {view.place.title}
          </p>
          <StabilityNote stability={view.place.stability} />
          <p className="mt-2 text-sm text-slate-800">{view.place.why}</p>
          <p className="mt-2 text-sm text-slate-600">{view.place.prompt}</p>
          <details className="mt-2 text-sm text-slate-600">
            <summary className="cursor-pointer">The rule, the same for everyone</summary>
            <p className="mt-1">{view.place.rule}</p>
          </details>
        </div>
        <div className="card p-5">
          <h3 className="text-sm text-slate-600">Formal position</h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Title</dt>
            <dd>{view.formal.title ?? "None in the roster"}</dd>
            <dt className="text-slate-600">Department</dt>
            <dd>{view.formal.department ?? "No department"}</dd>
            <dt className="text-slate-600">Reports to</dt>
            <dd>{view.formal.manager ?? "Nobody named in this view"}</dd>
            <dt className="text-slate-600">Team</dt>
            <dd>
              {plural(view.formal.directReports, "direct report")}, {plural(view.formal.totalReports, "person", "people")} in their line
            </dd>
          </dl>
        </div>
        <div className="card p-5">
          <h3 className="text-sm text-slate-600">Their followers</h3>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
            <dt>Outside their own line (earned share)</dt>
            <dd className="text-right tabular-nums">
              <ShareCell figure={view.earnedShare} />
            </dd>
            <dt>Their own team who chose them (follow-back)</dt>
            <dd className="text-right tabular-nums">
              <ShareCell figure={view.followBack} />
            </dd>
          </dl>
          <p className="mt-2 text-xs text-slate-600">{view.followersMeaning}</p>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card p-5" aria-label="Chosen on each question">
          <h3 className="font-semibold">Chosen on each question</h3>
          {view.byQuestion.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">This wave asks no one to choose people.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {view.byQuestion.map((question) => (
                <li key={question.id} className="flex justify-between gap-3">
                  <span>
                    {question.prompt}
                    {question.primary ? <span className="ml-1 text-xs text-slate-600">(followers)</span> : null}
                  </span>
                  <span className="whitespace-nowrap tabular-nums">{plural(question.count, "person", "people")}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card p-5" aria-label="Where their followers come from">
          <h3 className="font-semibold">Where their followers come from</h3>
          <p className="mt-1 text-xs text-slate-600">Groups of at least {view.k} answers; counts, never people.</p>
          {view.sources.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No group you can see chose them.</p>
          ) : (
            <>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {view.departments.map((row) => (
                  <li key={row.department} className="rounded-full bg-indigo-50 px-3 py-1 text-indigo-900">
                    {row.department}: <span className="tabular-nums">{row.followers}</span>
                  </li>
                ))}
              </ul>
              <table className="table-base mt-3">
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col" className="text-right">
                      Followers
                    </th>
                    <th scope="col" className="text-right">
                      All choices
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {view.sources.slice(0, 20).map((source) => (
                    <tr key={source.group}>
                      <td>{source.group}</td>
                      <td className="text-right tabular-nums">{source.followers}</td>
                      <td className="text-right tabular-nums">{source.all}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {view.sources.length > 20 ? <p className="mt-2 text-xs text-slate-600">And {view.sources.length - 20} more groups.</p> : null}
            </>
          )}
        </section>
      </div>
      <section className="card p-5" aria-label="What is not shown, and why">
        <h3 className="font-semibold">
          What is not shown, and why
        </h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {view.hidden.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Trend({ survey }: { survey: Survey }) {
  return (
    <>
      {survey.trend.length > 1 ? (
        <ChartFrame title={`${survey.name}: followers across waves`} fileName="followers-trend" height={220}>
          <TrendChart series={[{ label: "Followers", points: survey.trend.map((p) => ({ wave: p.wave, value: p.followers })) }]} />
        </ChartFrame>
      ) : null}
      <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={`${survey.name}: influence by wave`}>
        <table className="table-base">
          <caption className="px-3 pt-3 text-left font-semibold text-slate-900">Across waves</caption>
          <thead>
            <tr>
              <th scope="col">Wave</th>
              <th scope="col" className="text-right">
                Followers
              </th>
              <th scope="col" className="text-right">
                Earned share
              </th>
              <th scope="col">Place</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {survey.trend.map((point) => (
              <tr key={point.wave}>
                <td>Wave {point.wave}</td>
                <td className="text-right tabular-nums">{point.followers ?? <Hidden reason="below-k-scope" k={survey.latest?.k ?? 0} />}</td>
                <td className="text-right tabular-nums">{point.earnedShare ? <ShareCell figure={point.earnedShare} /> : <Hidden reason="below-k-scope" k={survey.latest?.k ?? 0} />}</td>
                <td>
                  {point.quadrant ? QUADRANTS[point.quadrant].title : <Hidden reason="below-k-scope" k={survey.latest?.k ?? 0} />}
                  <StabilityNote stability={point.stability} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
