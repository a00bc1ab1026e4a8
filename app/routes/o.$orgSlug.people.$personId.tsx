import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { hasRole } from "~/modules/accounts/roles";
import { notFound, requireId } from "~/modules/http.server";
import { findPerson } from "~/modules/people/people.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name} · Earned` : "Person · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "analyst");
  const found = await findPerson(db, member.orgId, requireId(params.personId));
  if (!found) throw notFound();
  return { orgSlug: member.orgSlug, canEdit: hasRole(member.role, "admin"), ...found };
}

export default function PersonPage() {
  const { orgSlug, canEdit, person, chain, directReports, totalReports } = useLoaderData<typeof loader>();
  const details: [string, string | null][] = [
    ["Email", person.email],
    ["Title", person.title],
    ["Department", person.department],
    ["Location", person.location],
    ["Level", person.level],
    ...Object.entries(person.attributes),
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/people`} className="link">
          People
        </Link>
      </nav>
      <PageHeader
        actions={
          <div className="flex flex-wrap gap-2">
            {canEdit ? (
              <Link to={`/o/${orgSlug}/people/${person.id}/edit`} className="btn-secondary">
                Edit or deactivate
              </Link>
            ) : null}
            <Link to={`/o/${orgSlug}/dashboards/person/${person.id}`} className="btn-secondary">
              Influence across waves
            </Link>
          </div>
        }
        title={person.name}
        description={
          <>
            {person.title ?? "No title"}
            {person.department ? ` · ${person.department}` : ""}
            {person.active ? null : <strong className="ml-2 text-amber-800">Deactivated</strong>}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="card p-5 lg:col-span-1" aria-labelledby="details">
          <h2 id="details" className="font-semibold">
            Details
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            {details.map(([label, value]) => (
              <div key={label} className="grid grid-cols-3 gap-2">
                <dt className="text-slate-600">{label}</dt>
                <dd className="col-span-2 break-words">{value || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card p-5" aria-labelledby="chain">
          <h2 id="chain" className="font-semibold">
            Reporting line
          </h2>
          {chain.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">No manager: top of the org chart.</p>
          ) : (
            <ol className="mt-3 space-y-2 text-sm">
              {chain.map((manager, index) => (
                <li key={manager.id} style={{ paddingLeft: `${index * 0.75}rem` }}>
                  <Link to={`/o/${orgSlug}/people/${manager.id}`} className="link">
                    {manager.name}
                  </Link>
                  <span className="text-slate-600"> · {manager.title ?? "No title"}</span>
                  {index === 0 ? <span className="ml-1 text-xs text-slate-500">(manager)</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="card p-5" aria-labelledby="reports">
          <h2 id="reports" className="font-semibold">
            Span of control
          </h2>
          <p className="mt-3 text-sm">
            <strong className="text-2xl tabular-nums">{directReports.length}</strong> direct ·{" "}
            <strong className="text-2xl tabular-nums">{totalReports}</strong> in total
          </p>
          {directReports.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm">
              {directReports.map((report) => (
                <li key={report.id}>
                  <Link to={`/o/${orgSlug}/people/${report.id}`} className="link">
                    {report.name}
                  </Link>
                  <span className="text-slate-600"> · {report.title ?? "No title"}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </>
  );
}
