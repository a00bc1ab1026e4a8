import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { EmptyState, PageHeader } from "~/components/layout";
import { PeopleTabs } from "~/components/people-tabs";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { searchText } from "~/modules/http.server";
import { buildOrgTree, pathsToMatches, type OrgTreeNode } from "~/modules/people/org-chart";
import { loadOrgChart } from "~/modules/people/people.server";

export const meta: MetaFunction = () => [{ title: "Org chart · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "analyst");
  const searchParams = new URL(request.url).searchParams;
  return {
    orgSlug: member.orgSlug,
    people: await loadOrgChart(db, member.orgId),
    search: searchText(searchParams, "q", 100),
    expandAll: searchParams.get("expand") === "all",
  };
}

export default function OrgChart() {
  const { orgSlug, people, search, expandAll } = useLoaderData<typeof loader>();
  const tree = useMemo(() => buildOrgTree(people), [people]);
  const { matches, open } = useMemo(() => {
    const needle = search.toLowerCase();
    const found = new Set(needle ? people.filter((person) => person.name.toLowerCase().includes(needle)).map((person) => person.id) : []);
    return { matches: found, open: pathsToMatches(people, found) };
  }, [people, search]);
  // Expanding or collapsing everything remounts the tree with every node's starting state.
  const [view, setView] = useState({ expandAll, generation: 0 });
  const setAll = (value: boolean) => setView((current) => ({ expandAll: value, generation: current.generation + 1 }));

  return (
    <>
      <PageHeader title="People" description="The formal org chart: who reports to whom. Open a manager to see their team." />
      <PeopleTabs orgSlug={orgSlug} />
      {people.length === 0 ? (
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
              <Link to={`/o/${orgSlug}/people/chart?expand=all`} className="btn-ghost" onClick={(event) => (event.preventDefault(), setAll(true))}>
                Expand all
              </Link>
              <Link to={`/o/${orgSlug}/people/chart`} className="btn-ghost" onClick={(event) => (event.preventDefault(), setAll(false))}>
                Collapse all
              </Link>
            </div>
            {search ? (
              <p className="text-sm text-slate-700" role="status">
                {matches.size === 0 ? `No one named “${search}”.` : `${matches.size} ${matches.size === 1 ? "match" : "matches"} highlighted.`}
              </p>
            ) : null}
          </div>
          <div className="card overflow-x-auto p-4">
            <ul className="space-y-1" aria-label="Org chart" key={`${view.generation}:${search}`}>
              {tree.map((node) => (
                <OrgNode key={node.id} orgSlug={orgSlug} node={node} open={open} matches={matches} expandAll={view.expandAll} />
              ))}
            </ul>
          </div>
        </>
      )}
    </>
  );
}

function OrgNode({ orgSlug, node, open, matches, expandAll }: { orgSlug: string; node: OrgTreeNode; open: Set<string>; matches: Set<string>; expandAll: boolean }) {
  const label = (
    <span className={`inline-flex flex-wrap items-baseline gap-x-2 ${matches.has(node.id) ? "rounded bg-amber-100 px-1" : ""}`}>
      <Link to={`/o/${orgSlug}/people/${node.id}`} className="link">
        {node.name}
      </Link>
      <span className="text-sm text-slate-600">
        {node.title ?? "No title"}
        {node.department ? ` · ${node.department}` : ""}
      </span>
      {node.children.length > 0 ? (
        <span className="text-xs text-slate-500">
          {node.children.length} direct · {node.totalReports} total
        </span>
      ) : null}
    </span>
  );
  if (node.children.length === 0) return <li className="py-0.5 pl-5">{label}</li>;
  return <Team orgSlug={orgSlug} node={node} label={label} open={open} matches={matches} expandAll={expandAll} />;
}

/**
 * A manager's team renders its members only while open: 5,000 people stay fast because most of
 * the tree is never built. The toggle is a disclosure button; without JavaScript, "Expand all"
 * asks the server for everything open.
 */
function Team({ orgSlug, node, label, open, matches, expandAll }: { orgSlug: string; node: OrgTreeNode; label: ReactNode; open: Set<string>; matches: Set<string>; expandAll: boolean }) {
  const [isOpen, setIsOpen] = useState(expandAll || node.depth === 0 || open.has(node.id));
  return (
    <li>
      <div className="flex items-baseline gap-1 py-0.5">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-label={`${isOpen ? "Hide" : "Show"} the team of ${node.name}`}
          onClick={() => setIsOpen(!isOpen)}
          className="w-4 shrink-0 text-slate-500 hover:text-slate-900"
        >
          {isOpen ? "▾" : "▸"}
        </button>
        {label}
      </div>
      {isOpen ? (
        <ul className="ml-2 border-l border-slate-200 pl-4">
          {node.children.map((child) => (
            <OrgNode key={child.id} orgSlug={orgSlug} node={child} open={open} matches={matches} expandAll={expandAll} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
