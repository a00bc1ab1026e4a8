import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { pageFrom, Pagination } from "~/components/pagination";
import { ShareCell } from "~/components/share-cell";
import { StabilityNote } from "~/components/stability-note";
import { QUADRANTS } from "~/modules/analytics/quadrant";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { followersMeaning, peopleTable, type PeopleSort } from "~/modules/dashboards/views";

const SORTS: { value: PeopleSort; label: string }[] = [
  { value: "followers", label: "Followers" },
  { value: "pagerank", label: "Network centrality (PageRank)" },
  { value: "earned", label: "Earned share" },
  { value: "name", label: "Name" },
];
const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const searchParams = new URL(request.url).searchParams;
  return dashboardPage(request, params, (analytics) => {
    const sortParam = searchParams.get("sort");
    const sort = SORTS.some((option) => option.value === sortParam) ? (sortParam as PeopleSort) : "followers";
    const department = searchParams.get("department") ?? "";
    const page = pageFrom(searchParams);
    return {
      sort,
      department,
      departments: [...new Set(analytics.people.map((person) => person.department).filter((d): d is string => Boolean(d)))].sort(),
      page,
      followers: followersMeaning(analytics),
      table: peopleTable(analytics, { sort, page, pageSize: PAGE_SIZE, department: department || undefined }),
    };
  });
}

export default function PeopleFigures() {
  const { k, empty, view, orgSlug } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  const { table, sort, department, departments, page } = view;
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="sort" className="label">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={sort} className="input mt-1">
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
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
      </p>
      <div className="card overflow-x-auto">
        <table className="table-base">
          <caption className="sr-only">People and their influence, sorted by {SORTS.find((s) => s.value === sort)?.label}</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" className="text-right">
                Followers
              </th>
              <th scope="col" className="text-right">
                Earned share
              </th>
              <th scope="col" className="text-right">
                Follow-back
              </th>
              <th scope="col" className="text-right">
                Reports
              </th>
              <th scope="col" className="text-right">
                PageRank
              </th>
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
                <td className="text-right tabular-nums">{row.pagerank.toFixed(4)}</td>
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
