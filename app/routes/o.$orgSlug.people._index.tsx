import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/layout";
import { pageFrom, Pagination } from "~/components/pagination";
import { PeopleTabs } from "~/components/people-tabs";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { searchText } from "~/modules/http.server";
import { hasRole } from "~/modules/accounts/roles";
import { directoryPage } from "~/modules/people/people.server";
import { PEOPLE_PAGE_SIZE } from "~/modules/people/people-query";

export const meta: MetaFunction = () => [{ title: "People · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "analyst");
  const searchParams = new URL(request.url).searchParams;
  const query = {
    search: searchText(searchParams, "q", 100),
    department: searchText(searchParams, "department", 200),
    page: pageFrom(searchParams),
    includeInactive: searchParams.get("inactive") === "1",
  };
  const { people, total, departments } = await directoryPage(db, member.orgId, query);
  return { orgSlug: member.orgSlug, canImport: hasRole(member.role, "admin"), query, people, total, departments };
}

export default function People() {
  const { orgSlug, canImport, query, people, total, departments } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const filtered = Boolean(query.search || query.department || query.includeInactive);
  return (
    <>
      <PageHeader
        title="People"
        description="The roster and org chart: who can be surveyed and nominated, and the formal authority Earned compares with earned influence."
        actions={
          canImport ? (
            <Link to={`/o/${orgSlug}/people/import`} className="btn-primary">
              Import roster
            </Link>
          ) : null
        }
      />
      <PeopleTabs orgSlug={orgSlug} />
      {total === 0 && !filtered ? (
        <EmptyState
          title="No one in the roster yet"
          action={
            canImport ? (
              <Link to={`/o/${orgSlug}/people/import`} className="btn-primary">
                Import a CSV
              </Link>
            ) : null
          }
        >
          Import a CSV with each person's email, name, title, manager's email and department. You will see every change
          and every problem before anything is applied.
        </EmptyState>
      ) : (
        <>
          <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
            <div className="min-w-56 flex-1">
              <label htmlFor="q" className="label">
                Search
              </label>
              <input id="q" name="q" type="search" defaultValue={query.search} placeholder="Name, email or title" className="input mt-1" />
            </div>
            <div>
              <label htmlFor="department" className="label">
                Department
              </label>
              <select id="department" name="department" defaultValue={query.department} className="input mt-1">
                <option value="">All departments</option>
                {departments.map((department) => (
                  <option key={department} value={department}>
                    {department}
                  </option>
                ))}
              </select>
            </div>
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input type="checkbox" name="inactive" value="1" defaultChecked={query.includeInactive} />
              Include deactivated
            </label>
            <button type="submit" className="btn-secondary">
              Apply
            </button>
          </Form>
          {people.length === 0 ? (
            <p className="card p-6 text-sm text-slate-700">
              No one matches these filters.{" "}
              <Link to={`/o/${orgSlug}/people`} className="link">
                Clear them
              </Link>
            </p>
          ) : (
            <div className="card overflow-x-auto">
              <table className="table-base">
                <caption className="sr-only">People, page {query.page}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Title</th>
                    <th scope="col">Department</th>
                    <th scope="col">Manager</th>
                    <th scope="col" className="text-right">
                      Direct reports
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {people.map((person) => (
                    <tr key={person.id}>
                      <td>
                        <Link to={`/o/${orgSlug}/people/${person.id}`} className="link">
                          {person.name}
                        </Link>
                        <div className="text-xs text-slate-600">{person.email}</div>
                        {person.active ? null : <span className="text-xs font-medium text-amber-800">Deactivated</span>}
                      </td>
                      <td>{person.title ?? "—"}</td>
                      <td>{person.department ?? "—"}</td>
                      <td>{person.managerName ?? "—"}</td>
                      <td className="text-right tabular-nums">{person.directReports}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={query.page} pageSize={PEOPLE_PAGE_SIZE} total={total} label="People" key={searchParams.toString()} />
        </>
      )}
    </>
  );
}
