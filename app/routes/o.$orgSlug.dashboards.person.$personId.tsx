import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartFrame, TrendChart } from "~/components/charts";
import { EmptyState, PageHeader } from "~/components/layout";
import { ShareCell } from "~/components/share-cell";
import { StabilityNote } from "~/components/stability-note";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { personTrend } from "~/modules/analytics/dashboard";
import { QUADRANTS } from "~/modules/analytics/quadrant";
import { loadPersonInfluence } from "~/modules/dashboards/dashboard.server";
import { notFound, requireId } from "~/modules/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name}: influence · Earned` : "Influence · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "leader");
  const found = await loadPersonInfluence(db, member, requireId(params.personId));
  if (!found) throw notFound();
  return {
    orgSlug: member.orgSlug,
    person: found.person,
    surveys: found.surveys.map((survey) => ({ name: survey.name, trend: personTrend(survey.points, found.person.id) })),
  };
}

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
        <div className="space-y-6">
          {surveys.map((survey) => (
            <section key={survey.name} className="space-y-4" aria-label={survey.name}>
              <h2 className="text-lg font-semibold">{survey.name}</h2>
              {survey.trend.length > 1 ? (
                <ChartFrame title="Followers across waves" fileName="followers-trend" height={220}>
                  <TrendChart series={[{ label: "Followers", points: survey.trend.map((p) => ({ wave: p.wave, value: p.followers })) }]} />
                </ChartFrame>
              ) : null}
              <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={`${survey.name}: influence by wave`}>
                <table className="table-base">
                  <thead>
                    <tr>
                      <th scope="col">Wave</th>
                      <th scope="col" className="text-right">
                        Followers
                      </th>
                      <th scope="col" className="text-right">
                        Earned share
                      </th>
                      <th scope="col" className="text-right">
                        PageRank
                      </th>
                      <th scope="col">Place</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {survey.trend.map((point) => (
                      <tr key={point.wave}>
                        <td>Wave {point.wave}</td>
                        <td className="text-right tabular-nums">{point.followers ?? "—"}</td>
                        <td className="text-right tabular-nums">
                          <ShareCell figure={point.earnedShare} />
                        </td>
                        <td className="text-right tabular-nums">{point.pagerank === null ? "—" : point.pagerank.toFixed(4)}</td>
                        <td>
                          {point.quadrant ? QUADRANTS[point.quadrant].title : "—"}
                          <StabilityNote stability={point.stability} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
