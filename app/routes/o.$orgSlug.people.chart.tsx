import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { EmptyState, PageHeader } from "~/components/layout";
import { PeopleTabs } from "~/components/people-tabs";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { searchText } from "~/modules/http.server";
import { chartHref, openTeamsParam, ORG_CHART_LIMITS, type OrgChartNode } from "~/modules/people/org-chart";
import { orgChartPage } from "~/modules/people/org-chart.server";

export const meta: MetaFunction = () => [{ title: "Org chart · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "analyst");
  const searchParams = new URL(request.url).searchParams;
  const search = searchText(searchParams, "q", 100);
  const expandAll = searchParams.get("expand") === "all";
  const page = await orgChartPage(db, member.orgId, { search, open: openTeamsParam(searchParams.get("open")), expandAll });
  return { orgSlug: member.orgSlug, search, expandAll, ...page };
}

// One formatter for every node: toLocaleString builds one per call (about 15 µs each, so a tenth of
// "Expand all" at 2,000 people).
const COUNT = new Intl.NumberFormat("en");

type Shared = { orgSlug: string; search: string; open: string[]; matches: Set<string> };

export default function OrgChart() {
  const { orgSlug, search, expandAll, chart, complete, people, matches, moreMatches, open } = useLoaderData<typeof loader>();
  const shared: Shared = { orgSlug, search, open, matches: new Set(matches) };
  return (
    <>
      <PageHeader title="People" description="The formal org chart: who reports to whom. Open a manager to see their team." />
      <PeopleTabs orgSlug={orgSlug} />
      {people === 0 ? (
        <EmptyState title="No org chart yet">Import a roster with each person's manager email to draw the org chart.</EmptyState>
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-end gap-3">
            <Form method="get" role="search" className="flex items-end gap-2">
              <div>
                <label htmlFor="q" className="label">
                  Find a person
                </label>
                <input id="q" name="q" type="search" defaultValue={search} className="input mt-1" placeholder="Name" />
              </div>
              <button type="submit" className="btn-secondary">
                Find
              </button>
            </Form>
            <div className="flex gap-2">
              <Link to={`/o/${orgSlug}/people/chart?expand=all`} className="btn-ghost">
                Expand all
              </Link>
              <Link to={`/o/${orgSlug}/people/chart`} className="btn-ghost">
                Collapse all
              </Link>
            </div>
            {search ? (
              <p className="text-sm text-slate-700" role="status">
                {matches.length === 0
                  ? `No one named “${search}”.`
                  : `${matches.length} ${matches.length === 1 ? "match" : "matches"} highlighted${moreMatches > 0 ? `, and ${moreMatches.toLocaleString("en")} more: narrow the search to see them` : ""}.`}
              </p>
            ) : null}
          </div>
          {!complete ? (
            <p className="mb-3 text-sm text-slate-700" role="status">
              Expanded level by level as far as {ORG_CHART_LIMITS.expandAllPeople.toLocaleString("en")} of {people.toLocaleString("en")} people; open a team to see the rest, or find someone by name.
            </p>
          ) : null}
          <div className="card overflow-x-auto p-4">
            <ul className="space-y-1" aria-label="Org chart" key={`${search}|${expandAll}|${open.join()}`}>
              {chart.map((node) => (
                <OrgNode key={node.id} node={node} shared={shared} />
              ))}
            </ul>
          </div>
        </>
      )}
    </>
  );
}

function OrgNode({ node, shared }: { node: OrgChartNode; shared: Shared }) {
  const label = (
    <span className={`inline-flex flex-wrap items-baseline gap-x-2 ${shared.matches.has(node.id) ? "rounded bg-amber-100 px-1" : ""}`}>
      <Link to={`/o/${shared.orgSlug}/people/${node.id}`} className="link">
        {node.name}
      </Link>
      <span className="text-sm text-slate-600">
        {node.title ?? "No title"}
        {node.department ? ` · ${node.department}` : ""}
      </span>
      {node.direct > 0 ? (
        <span className="text-xs text-slate-500">
          {COUNT.format(node.direct)} direct · {COUNT.format(node.totalReports)} total
        </span>
      ) : null}
    </span>
  );
  if (node.direct === 0) return <li className="py-0.5 pl-5">{label}</li>;
  return <Team node={node} label={label} shared={shared} />;
}

/**
 * A manager's team. The server sends only the teams that are open, so 30,000 people cost what is
 * shown; opening another fetches its members. Without JavaScript the toggle is a link that asks
 * the server for the same page with that team open too.
 */
function Team({ node, label, shared }: { node: OrgChartNode; label: ReactNode; shared: Shared }) {
  const team = useFetcher<{ team: OrgChartNode[] }>();
  const [isOpen, setIsOpen] = useState(node.children !== null);
  const members = node.children ?? team.data?.team ?? null;
  const open = isOpen ? shared.open.filter((id) => id !== node.id) : [...shared.open, node.id];
  return (
    <li>
      <div className="flex items-baseline gap-1 py-0.5">
        <Link
          to={chartHref(shared.orgSlug, { search: shared.search, open })}
          preventScrollReset
          aria-expanded={isOpen}
          aria-label={`${isOpen ? "Hide" : "Show"} the team of ${node.name}`}
          onClick={(event) => {
            event.preventDefault();
            if (!isOpen && members === null && team.state === "idle") team.load(`/o/${shared.orgSlug}/people/chart/team/${node.id}`);
            setIsOpen(!isOpen);
          }}
          className="w-4 shrink-0 text-slate-500 no-underline hover:text-slate-900"
        >
          {isOpen ? "▾" : "▸"}
        </Link>
        {label}
      </div>
      {isOpen ? (
        members ? (
          <ul className="ml-2 border-l border-slate-200 pl-4">
            {members.map((child) => (
              <OrgNode key={child.id} node={child} shared={shared} />
            ))}
          </ul>
        ) : (
          <p className="ml-6 py-0.5 text-sm text-slate-500" role="status">
            Loading the team of {node.name}…
          </p>
        )
      ) : null}
    </li>
  );
}
