import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { memo, useMemo, useState } from "react";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { colorFor, NetworkGraph, type Coloring, type NetworkNode } from "~/components/network-graph";
import { QUADRANTS, type QuadrantKey } from "~/modules/analytics/quadrant";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { networkView } from "~/modules/dashboards/views";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return dashboardPage(request, params, (analytics) => networkView(analytics));
}

const TABLE_ROWS = 100;

export default function Network() {
  const { k, empty, view, orgSlug } = useLoaderData<typeof loader>();
  const { waveId } = useParams();
  const [coloring, setColoring] = useState<Coloring>("department");
  const [showFormal, setShowFormal] = useState(false);
  const [showGroups, setShowGroups] = useState(true);
  const [department, setDepartment] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const people = useMemo(
    () =>
      (view?.nodes ?? [])
        .flatMap((node) => (node.kind === "person" ? [node] : []))
        .sort((a, b) => b.followers - a.followers || a.label.localeCompare(b.label)),
    [view],
  );
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  // Hovering shows a person's details; clicking keeps them.
  const selectedNode = view.nodes.find((node) => node.id === (hovered ?? selected));
  const legend: { label: string; color: string }[] =
    coloring === "quadrant"
      ? (Object.keys(QUADRANTS) as QuadrantKey[]).map((key) => ({ label: QUADRANTS[key].title, color: colorFor({ kind: "person", quadrant: key } as NetworkNode, "quadrant", view.departments) }))
      : view.departments.map((d) => ({ label: d, color: colorFor({ kind: "person", department: d } as NetworkNode, "department", view.departments) }));
  const shownPeople = people.filter((person) => !department || person.department === department);
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        People are sized by how many chose to follow them and linked through the groups (of at least {k} responses) that chose them; answers
        are anonymous, so no line ever runs from one person to another. Turn on the org chart to compare formal lines with voluntary ones.
      </p>
      <div className="card flex flex-wrap items-end gap-4 p-4">
        <div>
          <label htmlFor="coloring" className="label">
            Colour by
          </label>
          <select id="coloring" value={coloring} onChange={(event) => setColoring(event.target.value as Coloring)} className="input mt-1">
            <option value="department">Department</option>
            <option value="quadrant">Quadrant</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-department" className="label">
            Department
          </label>
          <select id="filter-department" value={department} onChange={(event) => setDepartment(event.target.value)} className="input mt-1">
            <option value="">All</option>
            {view.departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <FindPerson people={people} onFind={setSelected} />
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={showFormal} onChange={(event) => setShowFormal(event.target.checked)} />
          Overlay the org chart
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={showGroups} onChange={(event) => setShowGroups(event.target.checked)} />
          Show groups and nominations
        </label>
      </div>
      <div className="grid gap-4 xl:grid-cols-[1fr_18rem]">
        <NetworkGraph
          nodes={view.nodes}
          edges={view.edges}
          departments={view.departments}
          coloring={coloring}
          showFormal={showFormal}
          showGroups={showGroups}
          department={department}
          selected={selected}
          onSelect={setSelected}
          onHover={setHovered}
        />
        <aside aria-label="Legend and details" className="space-y-4">
          <section className="card p-4" aria-labelledby="legend">
            <h2 id="legend" className="text-sm font-semibold">
              Legend
            </h2>
            <ul className="mt-2 space-y-1 text-sm">
              {legend.map((item) => (
                <li key={item.label} className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: item.color }} />
                  {item.label}
                </li>
              ))}
              <li className="flex items-center gap-2">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-slate-300" />
                Group of responses (at least {k})
              </li>
              {showFormal ? (
                <li className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-amber-500" />
                  Reports to (org chart)
                </li>
              ) : null}
            </ul>
          </section>
          <section className="card p-4" aria-live="polite" aria-labelledby="details">
            <h2 id="details" className="text-sm font-semibold">
              Details
            </h2>
            {!selectedNode ? (
              <p className="mt-2 text-sm text-slate-600">Point at a person or click them, or find one by name.</p>
            ) : selectedNode.kind === "person" ? (
              <dl className="mt-2 space-y-1 text-sm">
                <dt className="font-medium">
                  <Link to={`/o/${orgSlug}/dashboards/person/${selectedNode.id}`} className="link">
                    {selectedNode.label}
                  </Link>
                </dt>
                <dd className="text-slate-600">{[selectedNode.title, selectedNode.department].filter(Boolean).join(" · ")}</dd>
                <dd>{selectedNode.followers} nominations received</dd>
                <dd>PageRank {selectedNode.pagerank.toFixed(4)}</dd>
                <dd>{QUADRANTS[selectedNode.quadrant as QuadrantKey]?.title}</dd>
              </dl>
            ) : (
              <p className="mt-2 text-sm">
                {selectedNode.label}: {selectedNode.responses} responses
              </p>
            )}
          </section>
        </aside>
      </div>
      <NetworkTable people={shownPeople} peopleHref={`/o/${orgSlug}/dashboards/${waveId}/people`} selected={selected} onSelect={setSelected} />
    </div>
  );
}

type PersonNode = Extract<NetworkNode, { kind: "person" }>;

/** Typing a name re-renders only this form, not the graph or the table. */
const FindPerson = memo(function FindPerson({ people, onFind }: { people: PersonNode[]; onFind: (id: string | null) => void }) {
  const [search, setSearch] = useState("");
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const needle = search.trim().toLowerCase();
        onFind(needle ? (people.find((person) => person.label.toLowerCase().includes(needle))?.id ?? null) : null);
      }}
    >
      <div>
        <label htmlFor="find" className="label">
          Find a person
        </label>
        <input id="find" value={search} onChange={(event) => setSearch(event.target.value)} list="network-people" className="input mt-1" placeholder="Name" />
        <datalist id="network-people">
          {people.slice(0, 2000).map((person) => (
            <option key={person.id} value={person.label} />
          ))}
        </datalist>
      </div>
      <button type="submit" className="btn-secondary">
        Find
      </button>
    </form>
  );
});

const NetworkTable = memo(function NetworkTable({ people: shownPeople, peopleHref, selected, onSelect }: { people: PersonNode[]; peopleHref: string; selected: string | null; onSelect: (id: string) => void }) {
  return (
      <section className="card overflow-x-auto" aria-labelledby="network-table">
        <h2 id="network-table" className="px-4 pt-4 font-semibold">
          The same network as a table
        </h2>
        <table className="table-base mt-2">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Department</th>
              <th scope="col" className="text-right">
                Nominations
              </th>
              <th scope="col" className="text-right">
                PageRank
              </th>
              <th scope="col">Quadrant</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shownPeople.slice(0, TABLE_ROWS).map((person) => (
              <tr key={person.id} aria-selected={person.id === selected ? true : undefined} className={person.id === selected ? "bg-indigo-50" : undefined}>
                <td>
                  <button type="button" className="link text-left" onClick={() => onSelect(person.id)}>
                    {person.label}
                  </button>
                </td>
                <td>{person.department}</td>
                <td className="text-right tabular-nums">{person.followers}</td>
                <td className="text-right tabular-nums">{person.pagerank.toFixed(4)}</td>
                <td>{QUADRANTS[person.quadrant as QuadrantKey]?.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shownPeople.length > TABLE_ROWS ? (
          <p className="px-4 py-3 text-sm text-slate-600">
            Showing the {TABLE_ROWS} most chosen of {shownPeople.length}. The{" "}
            <Link to={peopleHref} className="link">
              People
            </Link>{" "}
            view lists everyone, and the network downloads (GEXF, GraphML) hold the whole graph.
          </p>
        ) : null}
      </section>
  );
});
