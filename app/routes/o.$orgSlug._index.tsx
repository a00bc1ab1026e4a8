import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { hasRole } from "~/modules/accounts/roles";
import { loadOverview } from "~/modules/accounts/overview.server";
import { waveSummaries } from "~/modules/dashboards/summaries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "leader");
  const overview = await loadOverview(db, member.orgId);
  const latest = overview.latestResults ? ((await waveSummaries(db, member, [overview.latestResults.waveId])).get(overview.latestResults.waveId) ?? null) : null;
  return { orgSlug: member.orgSlug, name: member.userName, canAdminister: hasRole(member.role, "admin"), overview, latest };
}

export default function Overview() {
  const { orgSlug, name, canAdminister, overview, latest } = useLoaderData<typeof loader>();
  // Absolute links only: see e2e/links-during-navigation.spec.ts.
  const base = `/o/${orgSlug}`;
  const steps = [
    {
      done: overview.people > 0,
      title: "Import your roster and org chart",
      text: "A CSV with email, name, title, manager email and department. The org chart is half of what Earned compares.",
      to: `${base}/people/import`,
      cta: "Import roster",
    },
    {
      done: overview.waves > 0,
      title: "Run the Influence & Authority Pulse",
      text: "Five minutes per person: whose lead people follow, whom they ask for advice, and how earned the authority around them feels.",
      to: `${base}/surveys/new`,
      cta: "Create a survey",
    },
    {
      done: overview.members > 1,
      title: "Invite analysts and leaders",
      text: "Leaders see dashboards for their own part of the org chart; analysts see the whole organization.",
      to: `${base}/settings/members`,
      cta: "Invite members",
    },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${name.split(" ")[0]}`} description="What is happening in your organization." />
      {overview.latestResults ? (
        <div className="mb-6">
          <Link to={`${base}/dashboards/${overview.latestResults.waveId}`} className="card flex items-center justify-between gap-4 p-5 hover:bg-slate-50">
            <span>
              <span className="block text-sm text-slate-600">Latest results · {overview.latestResults.label}</span>
              {latest?.headline ? (
                <span className="mt-1 flex flex-wrap items-baseline gap-x-3">
                  <span className="text-4xl font-semibold tabular-nums text-indigo-800">{Math.round(latest.headline.share * 100)}%</span>
                  <span className="font-semibold text-slate-900">{latest.headline.phrase}</span>
                </span>
              ) : (
                <span className="block font-semibold text-slate-900">Open the dashboard</span>
              )}
              {latest?.answered ? <span className="mt-1 block text-sm text-slate-600">Answered: {latest.answered}</span> : latest?.responses ? <span className="mt-1 block text-sm text-slate-600">{latest.responses.toLocaleString("en")} responses</span> : null}
            </span>
            <span aria-hidden="true" className="text-indigo-700">
              →
            </span>
          </Link>
        </div>
      ) : null}
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="card p-5">
          <dt className="text-sm text-slate-600">People in the roster</dt>
          <dd className="mt-1 text-3xl font-semibold">{overview.people}</dd>
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Members</dt>
          <dd className="mt-1 text-3xl font-semibold">{overview.members}</dd>
        </div>
        <div className="card p-5">
          <dt className="text-sm text-slate-600">Survey waves</dt>
          <dd className="mt-1 text-3xl font-semibold">{overview.waves}</dd>
          <dd className="text-sm text-slate-600">{overview.openWaves} open now</dd>
        </div>
      </dl>
      {/* Once every step is done the checklist has done its job. */}
      {canAdminister && steps.some((step) => !step.done) ? (
        <section className="mt-8" aria-labelledby="getting-started">
          <h2 id="getting-started" className="text-lg font-semibold">
            Getting started
          </h2>
          <ol className="mt-4 space-y-3">
            {steps.map((step) => (
              <li key={step.title} className="card flex flex-wrap items-center justify-between gap-4 p-5">
                <div className="max-w-2xl">
                  <p className="font-medium">
                    <span aria-hidden="true" className={step.done ? "text-emerald-600" : "text-slate-400"}>
                      {step.done ? "✓ " : "○ "}
                    </span>
                    {step.title}
                    {step.done ? <span className="sr-only"> (done)</span> : null}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">{step.text}</p>
                </div>
                <Link to={step.to} className={step.done ? "btn-secondary" : "btn-primary"}>
                  {step.cta}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
