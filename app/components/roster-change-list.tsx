import { Link } from "@remix-run/react";
import type { FieldChange, RosterCounts } from "~/modules/people/roster-check";

export type ChangeListKind = "new" | "updated" | "deactivated";

type Listed = { email: string; name: string; line: number | null; changes: FieldChange[] };

const KINDS: { kind: ChangeListKind; label: string }[] = [
  { kind: "new", label: "New" },
  { kind: "updated", label: "Updated" },
  { kind: "deactivated", label: "Deactivated" },
];

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  title: "Title",
  department: "Department",
  location: "Location",
  level: "Level",
  manager: "Manager",
  status: "Status",
};

/** A preview's people by kind of change, one page at a time; links, so it works without JavaScript. */
export function RosterChangeList({ kind, people, counts, hrefFor }: { kind: ChangeListKind; people: Listed[]; counts: RosterCounts; hrefFor: (kind: ChangeListKind) => string }) {
  return (
    <>
      <nav aria-label="Kinds of change" className="mt-3 flex gap-1 overflow-x-auto border-b border-slate-200">
        {KINDS.map((tab) => (
          <Link
            key={tab.kind}
            to={hrefFor(tab.kind)}
            aria-current={tab.kind === kind ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${tab.kind === kind ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {tab.label} <span className="tabular-nums text-slate-600">({counts[tab.kind].toLocaleString("en")})</span>
          </Link>
        ))}
      </nav>
      {people.length === 0 ? (
        <p className="mt-4 text-sm text-slate-700">{emptyText(kind)}</p>
      ) : (
        <div className="card mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label={`${KINDS.find((tab) => tab.kind === kind)!.label} people`}>
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                {kind === "deactivated" ? null : <th scope="col">Line</th>}
                {kind === "updated" ? <th scope="col">What changes</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {people.map((person) => (
                <tr key={person.email}>
                  <td className="font-medium">{person.name}</td>
                  <td className="break-all">{person.email}</td>
                  {kind === "deactivated" ? null : <td className="tabular-nums">{person.line}</td>}
                  {kind === "updated" ? (
                    <td>
                      <ul className="space-y-0.5">
                        {person.changes.map((change) => (
                          <li key={change.field}>
                            <span className="text-slate-600">{FIELD_LABELS[change.field] ?? change.field}:</span> <del className="text-slate-600">{change.from ?? "(empty)"}</del>{" "}
                            <span aria-hidden="true">→</span>
                            <span className="sr-only">becomes</span> <ins className="no-underline font-medium">{change.to ?? "(empty)"}</ins>
                          </li>
                        ))}
                      </ul>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function emptyText(kind: ChangeListKind): string {
  switch (kind) {
    case "new":
      return "Nobody is new in this file.";
    case "updated":
      return "Nobody already in the roster changes.";
    case "deactivated":
      return "Nobody is deactivated: everyone active is in the file, or the import keeps people missing from it.";
  }
}
