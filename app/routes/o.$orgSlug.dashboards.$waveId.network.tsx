import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useMemo, useRef, useState } from "react";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { NetworkGraph, type Coloring, type Focus, type NetworkGraphHandle } from "~/components/network-graph";
import { QUADRANTS, type QuadrantKey } from "~/modules/analytics/quadrant";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { departmentColors, followedRank, OTHER_COLOR, QUADRANT_PALETTE } from "~/modules/dashboards/network-display";
import { keptNetworkOverview, networkOverview, type NetworkGroup, type NetworkPerson } from "~/modules/dashboards/network-view";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return dashboardPage(request, params, (analytics, dashboard) => keptNetworkOverview(analytics, dashboard.derive));
}

type Overview = ReturnType<typeof networkOverview>;
type Loaded = { key: string; total: number; people: NetworkPerson[]; edges: [number, string, number][] };
const TABLE_ROWS = 100;

export default function Network() {
  const { k, empty, view, orgSlug } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  return <NetworkPage view={view} k={k} orgSlug={orgSlug} />;
}

function NetworkPage({ view, k, orgSlug }: { view: Overview; k: number; orgSlug: string }) {
  const { waveId } = useParams();
  const graph = useRef<NetworkGraphHandle>(null);
  const [coloring, setColoring] = useState<Coloring>("department");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [selected, setSelected] = useState<Focus>(null);
  const [hovered, setHovered] = useState<Focus>(null);
  const [found, setFound] = useState<{ id: string; label: string; department: string }[] | null>(null);
  const colors = useMemo(() => departmentColors(view.departments), [view.departments]);
  const dataUrl = `/o/${orgSlug}/dashboards/${waveId}/network-people`;

  // Before any department is opened, the most followed people are drawn where they belong.
  const people = loaded?.people ?? view.mostFollowed;
  const personEdges = loaded?.edges ?? [];
  const focus = hovered ?? selected;
  const focusPerson = focus?.kind === "person" ? (people.find((person) => person.id === focus.id) ?? view.mostFollowed.find((person) => person.id === focus.id)) : undefined;
  const focusGroup = focus?.kind === "group" ? view.groups[Number(focus.id.slice(1))] : undefined;

  async function show(query: { department: string } | { group: string }, then?: (people: Loaded) => void, include?: string) {
    const key = "department" in query ? `department=${encodeURIComponent(query.department)}` : `group=${query.group}`;
    if (loaded?.key === key && (!include || loaded.people.some((person) => person.id === include))) return then?.(loaded);
    setLoading("department" in query ? query.department : (view.groups[Number(query.group.slice(1))]?.label ?? "the group"));
    try {
      const response = await fetch(`${dataUrl}?${key}${include ? `&include=${encodeURIComponent(include)}` : ""}`, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as Omit<Loaded, "key">;
      const next = { key, ...data };
      setLoaded(next);
      then?.(next);
    } finally {
      setLoading(null);
    }
  }
  function selectPerson(id: string, department: string) {
    void show({ department }, (next) => {
      const person = next.people.find((candidate) => candidate.id === id);
      setSelected({ kind: "person", id });
      const choosers = next.edges.filter(([, chosen]) => chosen === id).map(([group]) => view.groups[group]!);
      if (person) graph.current?.focusOn([person, ...choosers]);
    }, id);
  }
  function reset() {
    setSelected(null);
    setHovered(null);
    setFound(null);
    graph.current?.fit();
  }
  const shownDepartment = loaded?.key.startsWith("department=") ? decodeURIComponent(loaded.key.slice("department=".length)) : "";

  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        Each square is a group of at least {k} answers, placed near the groups it chooses and is chosen by; departments sit together. Open a department or click a group to see its
        people, sized by how many chose to follow them. Answers are anonymous, so lines run from groups to people, never from one person to another.
      </p>
      <div className="card flex flex-wrap items-end gap-4 p-4">
        <div>
          <label htmlFor="open-department" className="label">
            People of
          </label>
          <select
            id="open-department"
            value={shownDepartment}
            onChange={(event) => (event.target.value ? void show({ department: event.target.value }) : (setLoaded(null), reset()))}
            className="input mt-1"
          >
            <option value="">No department (groups only)</option>
            {view.departments.map((department) => (
              <option key={department.name} value={department.name}>
                {department.name} ({department.people.toLocaleString("en")})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="coloring" className="label">
            Colour people by
          </label>
          <select id="coloring" value={coloring} onChange={(event) => setColoring(event.target.value as Coloring)} className="input mt-1">
            <option value="department">Department</option>
            <option value="quadrant">Quadrant</option>
          </select>
        </div>
        <form
          className="flex items-end gap-2"
          role="search"
          onSubmit={async (event) => {
            event.preventDefault();
            const text = String(new FormData(event.currentTarget).get("find") ?? "").trim();
            if (!text) return setFound(null);
            const response = await fetch(`${dataUrl}?find=${encodeURIComponent(text)}`, { headers: { Accept: "application/json" } });
            const matches = response.ok ? ((await response.json()) as { found: NonNullable<typeof found> }).found : [];
            setFound(matches);
            if (matches.length === 1) selectPerson(matches[0]!.id, matches[0]!.department);
          }}
        >
          <div>
            <label htmlFor="find" className="label">
              Find a person
            </label>
            <input id="find" name="find" className="input mt-1" placeholder="Name" autoComplete="off" />
          </div>
          <button type="submit" className="btn-secondary">
            Find
          </button>
        </form>
        <button type="button" className="btn-secondary" onClick={reset}>
          Clear selection and show all
        </button>
      </div>
      {loaded && loaded.total > loaded.people.length ? (
        <p className="text-sm text-slate-700" role="status">
          Drawing the {loaded.people.length.toLocaleString("en")} most followed of {loaded.total.toLocaleString("en")} people here; click a group to see its own people.
        </p>
      ) : null}
      {found !== null ? (
        <div className="card p-3 text-sm" aria-live="polite">
          {found.length === 0 ? (
            <p>Nobody shown by name matches. People the organization keeps anonymous cannot be found by name.</p>
          ) : found.length === 1 ? (
            <p>
              Showing {found[0]!.label} in {found[0]!.department}.
            </p>
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              <span>{found.length} matches:</span>
              {found.map((match) => (
                <button key={match.id} type="button" className="link" onClick={() => selectPerson(match.id, match.department)}>
                  {match.label} ({match.department})
                </button>
              ))}
            </div>
          )}
        </div>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-[1fr_20rem]">
        <div className="relative">
          <NetworkGraph
            ref={graph}
            groups={view.groups}
            links={view.links}
            departments={view.departments}
            people={people}
            personEdges={personEdges}
            colors={colors}
            coloring={coloring}
            selected={selected}
            hovered={hovered}
            onHover={setHovered}
            onSelect={(next) => {
              setSelected(next);
              if (next?.kind === "group" && !people.some((person) => person.home === next.id)) void show({ group: next.id });
            }}
          />
          {loading ? (
            <p role="status" className="absolute left-3 top-3 rounded bg-white/90 px-2 py-1 text-xs text-slate-700 shadow">
              Loading the people of {loading}…
            </p>
          ) : null}
        </div>
        <aside aria-label="Legend and details" className="space-y-4">
          <section className="card p-4" aria-live="polite" aria-labelledby="details">
            <h2 id="details" className="text-sm font-semibold">
              Details
            </h2>
            {focusPerson ? (
              <PersonDetails person={focusPerson} view={view} edges={personEdges} orgSlug={orgSlug} />
            ) : focusGroup ? (
              <GroupDetails group={focusGroup} view={view} />
            ) : (
              <p className="mt-2 text-sm text-slate-600">Point at a group or a person, click to keep them here, or find someone by name.</p>
            )}
          </section>
          <Legend view={view} colors={colors} coloring={coloring} k={k} />
        </aside>
      </div>
      <PeopleTable
        caption={loaded ? `People shown (${people.length.toLocaleString("en")})` : view.mostFollowed.length === 1 ? "The most followed person" : `The ${view.mostFollowed.length} most followed people`}
        people={loaded ? people : view.mostFollowed}
        of={view.people}
        selected={selected?.id ?? null}
        onSelect={(person) => selectPerson(person.id, person.department)}
        peopleHref={`/o/${orgSlug}/dashboards/${waveId}/people`}
      />
      <DepartmentsTable view={view} onOpen={(department) => void show({ department })} />
    </div>
  );
}

function PersonDetails({ person, view, edges, orgSlug }: { person: NetworkPerson; view: Overview; edges: [number, string, number][]; orgSlug: string }) {
  const fromGroups = edges.filter(([, id]) => id === person.id).sort((a, b) => b[2] - a[2]);
  const byDepartment = new Map<string, number>();
  for (const [group, , weight] of fromGroups) {
    const department = view.groups[group]!.department;
    byDepartment.set(department, (byDepartment.get(department) ?? 0) + weight);
  }
  return (
    <div className="mt-2 space-y-3 text-sm">
      <div>
        <p className="font-medium">
          {person.named ? (
            <Link to={`/o/${orgSlug}/dashboards/person/${person.id}`} className="link">
              {person.label}
            </Link>
          ) : (
            person.label
          )}
        </p>
        <p className="text-slate-600">{[person.title, person.department].filter(Boolean).join(" · ")}</p>
        <p>
          {person.followers === 1 ? "1 person chose to follow them" : `${person.followers.toLocaleString("en")} people chose to follow them`}: {followedRank(person.followersRank, view.people)}.
        </p>
        <p>{QUADRANTS[person.quadrant as QuadrantKey]?.title}</p>
      </div>
      <div>
        <h3 className="font-medium">Formal position</h3>
        <p>{person.manager ? `Reports to ${person.manager}` : person.named ? "Their manager is not shown here" : "Not shown for anonymous people"}</p>
        <p>{person.directReports === 0 ? "No direct reports" : `${person.directReports} direct reports, ${person.totalReports} in all below them`}</p>
      </div>
      <div>
        <h3 className="font-medium">Nominations by question</h3>
        <ul>
          {view.questions.map((question) => (
            <li key={question.id}>
              {question.prompt || "Nominations"}: {person.byQuestion[question.id] ?? 0}
            </li>
          ))}
        </ul>
      </div>
      {fromGroups.length > 0 ? (
        <>
          <div>
            <h3 className="font-medium">From groups</h3>
            <ul>
              {fromGroups.slice(0, 8).map(([group, , weight]) => (
                <li key={group}>
                  {view.groups[group]!.label}: {weight}
                </li>
              ))}
              {fromGroups.length > 8 ? <li className="text-slate-600">and {fromGroups.length - 8} more groups</li> : null}
            </ul>
          </div>
          <div>
            <h3 className="font-medium">From departments</h3>
            <ul>
              {[...byDepartment].sort((a, b) => b[1] - a[1]).map(([department, weight]) => (
                <li key={department}>
                  {department}: {weight}
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : (
        <p className="text-slate-600">Open their department to see which groups chose them.</p>
      )}
    </div>
  );
}

function GroupDetails({ group, view }: { group: NetworkGroup; view: Overview }) {
  const index = Number(group.id.slice(1));
  const out = view.links.filter(([from]) => from === index).length;
  return (
    <div className="mt-2 space-y-1 text-sm">
      <p className="font-medium">{group.label}</p>
      <p className="text-slate-600">{group.department}</p>
      <p>
        {group.responses} answers from {group.members} members
      </p>
      <p>{out > 0 ? `Its answers chose people in ${out} of the groups drawn` : "Its answers chose people mostly in their own group"}</p>
      <p className="text-slate-600">Click it to show the people it includes and chose.</p>
    </div>
  );
}

function Legend({ view, colors, coloring, k }: { view: Overview; colors: Map<string, string>; coloring: Coloring; k: number }) {
  const others = view.departments.filter((department) => colors.get(department.name) === OTHER_COLOR).length;
  const swatches =
    coloring === "quadrant"
      ? (Object.keys(QUADRANTS) as QuadrantKey[]).map((key) => ({ label: QUADRANTS[key].title, color: QUADRANT_PALETTE[key]! }))
      : [...view.departments.filter((department) => colors.get(department.name) !== OTHER_COLOR).map((department) => ({ label: department.name, color: colors.get(department.name)! })), ...(others ? [{ label: `${others} other departments`, color: OTHER_COLOR }] : [])];
  return (
    <section className="card p-4" aria-labelledby="legend">
      <h2 id="legend" className="text-sm font-semibold">
        Legend
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {swatches.map((item) => (
          <li key={item.label} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full ring-1 ring-slate-300" style={{ background: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
      <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3 border border-slate-600 bg-slate-300" />A group of at least {k} answers, sized by its answers
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-flex items-end gap-0.5">
            <span className="inline-block h-1.5 w-1.5 rounded-full bg-slate-500" />
            <span className="inline-block h-3 w-3 rounded-full bg-slate-500" />
          </span>
          A person, larger when more chose to follow them
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="text-slate-700">
            ⟶
          </span>
          From the group whose answers chose, to whom they chose
        </li>
      </ul>
    </section>
  );
}

function PeopleTable({ caption, people, of, selected, onSelect, peopleHref }: { caption: string; people: NetworkPerson[]; of: number; selected: string | null; onSelect: (person: NetworkPerson) => void; peopleHref: string }) {
  return (
    <section className="card overflow-x-auto" aria-labelledby="network-table">
      <h2 id="network-table" className="px-4 pt-4 font-semibold">
        {caption}
      </h2>
      <table className="table-base mt-2">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Department</th>
            <th scope="col" className="text-right">
              Chose to follow them
            </th>
            <th scope="col">Rank</th>
            <th scope="col">Quadrant</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {people.slice(0, TABLE_ROWS).map((person) => (
            <tr key={person.id} aria-selected={person.id === selected ? true : undefined} className={person.id === selected ? "bg-indigo-50" : undefined}>
              <td>
                <button type="button" className="link text-left" onClick={() => onSelect(person)}>
                  {person.label}
                </button>
              </td>
              <td>{person.department}</td>
              <td className="text-right tabular-nums">{person.followers}</td>
              <td>{followedRank(person.followersRank, of)}</td>
              <td>{QUADRANTS[person.quadrant as QuadrantKey]?.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {people.length > TABLE_ROWS ? (
        <p className="px-4 py-3 text-sm text-slate-600">
          Showing the {TABLE_ROWS} most followed of {people.length.toLocaleString("en")}. The{" "}
          <Link to={peopleHref} className="link">
            People
          </Link>{" "}
          view lists everyone, and the network downloads (GEXF, GraphML) hold the whole graph.
        </p>
      ) : null}
    </section>
  );
}

function DepartmentsTable({ view, onOpen }: { view: Overview; onOpen: (department: string) => void }) {
  return (
    <section className="card overflow-x-auto" aria-labelledby="network-departments">
      <h2 id="network-departments" className="px-4 pt-4 font-semibold">
        Departments and their groups
      </h2>
      <table className="table-base mt-2">
        <thead>
          <tr>
            <th scope="col">Department</th>
            <th scope="col" className="text-right">
              People
            </th>
            <th scope="col" className="text-right">
              Groups of answers
            </th>
            <th scope="col" className="text-right">
              Answers
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {view.departments.map((department) => (
            <tr key={department.name}>
              <td>
                <button type="button" className="link text-left" onClick={() => onOpen(department.name)}>
                  {department.name}
                </button>
              </td>
              <td className="text-right tabular-nums">{department.people.toLocaleString("en")}</td>
              <td className="text-right tabular-nums">{department.groups}</td>
              <td className="text-right tabular-nums">{department.responses.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.linksTotal > view.links.length ? (
        <p className="px-4 py-3 text-sm text-slate-600">
          The picture draws the {view.links.length.toLocaleString("en")} strongest of {view.linksTotal.toLocaleString("en")} links between groups.
        </p>
      ) : null}
    </section>
  );
}
