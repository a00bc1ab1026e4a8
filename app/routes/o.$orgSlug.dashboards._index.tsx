import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/layout";
import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { hasRole } from "~/modules/accounts/roles";
import { formatDate } from "~/modules/dates";
import { listDashboardWaves } from "~/modules/dashboards/dashboard.server";
import { waveSummaries, type WaveSummary } from "~/modules/dashboards/summaries.server";

export const meta: MetaFunction = () => [{ title: "Dashboards · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "leader");
  const waves = await listDashboardWaves(db, member.orgId);
  const summaries = await waveSummaries(db, member, waves.map((wave) => wave.id));
  const surveys = new Map<string, { id: string; name: string; waves: (typeof waves[number] & { summary: WaveSummary | null })[] }>();
  for (const wave of waves) {
    const survey = surveys.get(wave.surveyId) ?? { id: wave.surveyId, name: wave.surveyName, waves: [] };
    survey.waves.push({ ...wave, summary: summaries.get(wave.id) ?? null });
    surveys.set(wave.surveyId, survey);
  }
  return { orgSlug: member.orgSlug, canRunSurveys: hasRole(member.role, "admin"), isLeader: member.role === "leader", k: member.minGroupSize, surveys: [...surveys.values()] };
}

export default function Dashboards() {
  const { orgSlug, canRunSurveys, isLeader, k, surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Dashboards"
        description={
          isLeader
            ? "Results for the part of the org chart you lead, from every survey wave that has opened."
            : "Results from every survey wave that has opened: response, scores, the influence network, and how authority is earned."
        }
      />
      {surveys.length === 0 ? (
        <EmptyState
          title="No results yet"
          action={
            canRunSurveys ? (
              <Link to={`/o/${orgSlug}/surveys`} className="btn-primary">
                Go to surveys
              </Link>
            ) : null
          }
        >
          Dashboards appear here once a survey wave has opened and at least {k} people of a group (the minimum group size) have answered.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {surveys.map((survey) => (
            <section key={survey.id} className="card p-5" aria-labelledby={`survey-${survey.id}`}>
              <h2 id={`survey-${survey.id}`} className="font-semibold">
                {survey.name}
              </h2>
              <ul className="mt-3 divide-y divide-slate-100">
                {survey.waves.map((wave) => (
                  <li key={wave.id} className="grid gap-2 py-3 sm:grid-cols-[10rem_1fr_auto] sm:items-center">
                    <span className="flex items-center gap-2">
                      <Link to={`/o/${orgSlug}/dashboards/${wave.id}`} className="link font-medium">
                        Wave {wave.number}
                      </Link>
                      <StatusBadge status={wave.status} />
                    </span>
                    <span className="text-sm">
                      {wave.summary?.headline ? (
                        <span className="block text-slate-900">{wave.summary.headline.text}</span>
                      ) : (
                        <span className="block text-slate-600">{wave.summary ? `No headline yet: fewer than ${k} choices in your view.` : "Results are being prepared."}</span>
                      )}
                      <span className="block text-slate-600">
                        {wave.summary?.answered ? `Answered: ${wave.summary.answered}` : wave.summary?.responses !== null && wave.summary?.responses !== undefined ? `${wave.summary.responses.toLocaleString("en")} responses${isLeader ? " in your teams" : ""}` : null}
                      </span>
                    </span>
                    <span className="text-sm text-slate-600">
                      Opened {formatDate(wave.openedAt)}
                      {wave.closedAt ? ` · closed ${formatDate(wave.closedAt)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
