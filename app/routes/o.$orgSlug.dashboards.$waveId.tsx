import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { Tabs, WavePills } from "~/components/tabs";
import { PageHeader } from "~/components/layout";
import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { ConfidenceLine } from "~/components/confidence-line";
import { scopeConfidence } from "~/modules/dashboards/confidence.server";
import { memberScope, requireDashboardWave } from "~/modules/dashboards/dashboard.server";
import { EXPORTS } from "~/modules/dashboards/export-formats";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.wave.surveyName}, wave ${data.wave.number} · Earned` : "Dashboard · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, wave, series } = await requireDashboardWave(request, params);
  const scope = await memberScope(db, member);
  return {
    confidence: await scopeConfidence(db, member.orgId, wave.id, scope),
    orgSlug: member.orgSlug,
    wave: { id: wave.id, number: wave.number, status: wave.status, surveyName: wave.surveyName },
    series,
    scopeName: scope.kind === "subtree" ? scope.rootName : null,
  };
}

const TABS = [
  { to: "", label: "Overview", end: true },
  { to: "network", label: "Influence network" },
  { to: "quadrant", label: "Positional vs earned" },
  { to: "teams", label: "Teams" },
  { to: "people", label: "People" },
];

export default function DashboardFrame() {
  const { orgSlug, wave, series, scopeName, confidence } = useLoaderData<typeof loader>();
  const base = `/o/${orgSlug}/dashboards/${wave.id}`;
  const location = useLocation();
  const section = location.pathname.slice(base.length).replace(/^\//, "");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/dashboards`} className="link">
          Dashboards
        </Link>
      </nav>
      <PageHeader
        title={wave.surveyName}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            Wave {wave.number} <StatusBadge status={wave.status} />
            {/* No "·" before it: on a phone it wraps below the badge and would start the line. */}
            {scopeName ? <span>Showing the part of the org chart under {scopeName}</span> : null}
          </span>
        }
        actions={
          <details className="relative">
            <summary className="btn-secondary cursor-pointer list-none">Export</summary>
            <ul className="absolute right-0 z-20 mt-1 w-64 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
              {Object.entries(EXPORTS).map(([format, { label }]) => (
                <li key={format}>
                  <a href={`${base}/export/${format}`} download className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        }
      />
      {confidence ? <ConfidenceLine confidence={confidence} /> : null}
      <WavePills waves={series} current={wave.id} hrefFor={(w) => `/o/${orgSlug}/dashboards/${w.id}/${section}`} />
      <Tabs label="Dashboard views" tabs={TABS.map((tab) => ({ ...tab, to: tab.to ? `${base}/${tab.to}` : base }))} />
      <Outlet />
    </>
  );
}
