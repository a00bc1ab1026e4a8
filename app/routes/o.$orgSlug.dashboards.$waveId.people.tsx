import { INDIRECT_INFLUENCE, ordinal } from "~/modules/analytics/indirect-influence";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { pageFrom, Pagination } from "~/components/pagination";
import { ShareCell } from "~/components/share-cell";
import { StabilityNote } from "~/components/stability-note";
import { QUADRANTS } from "~/modules/analytics/quadrant";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { defaultDirection, PEOPLE_SORTS, type PeopleSort, type SortDirection } from "~/modules/dashboards/people-sort";
import { followersMeaning, peoplePage, peopleRanking } from "~/modules/dashboards/views";

const SORT_LABEL: Record<PeopleSort, string> = {
  followers: "Followers",
  earned: "Earned share",
  reports: "Reports",
  pagerank: INDIRECT_INFLUENCE.title,
  name: "Name",
};
const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const searchParams = new URL(request.url).searchParams;
  return dashboardPage(request, params, (analytics, dashboard) => {
    const sortParam = searchParams.get("sort");
    const sort = PEOPLE_SORTS.find((option) => option === sortParam) ?? "followers";
    const dirParam = searchParams.get("dir");
    const dir: SortDirection = dirParam === "asc" || dirParam === "desc" ? dirParam : defaultDirection(sort);
    const departments = dashboard.derive("people-departments", () => [...new Set(analytics.people.map((person) => person.department).filter((d): d is string => Boolean(d)))].sort());
    const departmentParam = searchParams.get("department") ?? "";
    const department = departments.includes(departmentParam) ? departmentParam : "";
    const page = pageFrom(searchParams);
    // Sorted once per view and order, then only paged: a page of 50 costs the same at 30,000 people.
    const ranking = dashboard.derive(`people:${sort}:${dir}:${department}`, () => peopleRanking(analytics, { sort, dir, department: department || undefined }), (rows) => 400 * rows.length);
    return { sort, dir, department, departments, page, followers: followersMeaning(analytics), table: peoplePage(ranking, { page, pageSize: PAGE_SIZE }) };
  });
}

/** A column header that sorts by it: a plain link (no JavaScript needed), the other way round when it already sorts. */
function SortHeader({ column, sort, dir, align, children }: { column: PeopleSort; sort: PeopleSort; dir: SortDirection; align?: "right"; children: ReactNode }) {
  const location = useLocation();
  const active = column === sort;
  const next: SortDirection = active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(column);
  const params = new URLSearchParams(location.search);
  params.set("sort", column);
  params.set("dir", next);
  params.delete("page");
  return (
    <th scope="col" className={align === "right" ? "text-right" : undefined} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`${location.pathname}?${params}`} className="link whitespace-nowrap" title={`Sort by ${SORT_LABEL[column].toLowerCase()}, ${next === "asc" ? "ascending" : "descending"}`}>
        {children}
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export default function PeopleFigures() {
  const { k, empty, view, orgSlug } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  const { table, sort, dir, department, departments, page } = view;
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <div>
          <label htmlFor="department" className="label">
            Department
          </label>
          <select id="department" name="department" defaultValue={department} className="input mt-1">
            <option value="">All</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Show
        </button>
      </Form>
      <p className="text-sm text-slate-600">
        {view.followers} Earned share is the part of a person's followers outside their own reporting line, shown from {k} followers (as a
        range when some followers' groups straddle the line); follow-back is the share of their own team's answers that chose them.
        {" "}{INDIRECT_INFLUENCE.column}: {INDIRECT_INFLUENCE.description}
      </p>
      <div className="card overflow-x-auto">
        <table className="table-base">
          <caption className="sr-only">
            People and their influence, sorted by {SORT_LABEL[sort].toLowerCase()}, {dir === "asc" ? "ascending" : "descending"}. Column headers sort.
          </caption>
          <thead>
            <tr>
              <SortHeader column="name" sort={sort} dir={dir}>
                Person
              </SortHeader>
              <SortHeader column="followers" sort={sort} dir={dir} align="right">
                Followers
              </SortHeader>
              <SortHeader column="earned" sort={sort} dir={dir} align="right">
                Earned share
              </SortHeader>
              <th scope="col" className="text-right">
                Follow-back
              </th>
              <SortHeader column="reports" sort={sort} dir={dir} align="right">
                Reports
              </SortHeader>
              <SortHeader column="pagerank" sort={sort} dir={dir} align="right">
                <abbr title={INDIRECT_INFLUENCE.description} className="no-underline">{INDIRECT_INFLUENCE.column}</abbr>
              </SortHeader>
              <th scope="col">Quadrant</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {row.named ? (
                    <Link to={`/o/${orgSlug}/dashboards/person/${row.id}`} className="link">
                      {row.name}
                    </Link>
                  ) : (
                    <span>{row.name}</span>
                  )}
                  <div className="text-xs text-slate-600">{[row.title, row.department].filter(Boolean).join(" · ")}</div>
                </td>
                <td className="text-right tabular-nums">{row.followers}</td>
                <td className="text-right tabular-nums">
                  <ShareCell figure={row.earnedShare} />
                </td>
                <td className="text-right tabular-nums">
                  <ShareCell figure={row.followBack} />
                </td>
                <td className="text-right tabular-nums">
                  {row.directReports} / {row.totalReports}
                </td>
                <td className="text-right tabular-nums">{ordinal(row.influenceRank)}</td>
                <td className="whitespace-nowrap">
                  {QUADRANTS[row.quadrant].title}
                  <StabilityNote stability={row.stability} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={table.total} label="People" />
    </div>
  );
}
