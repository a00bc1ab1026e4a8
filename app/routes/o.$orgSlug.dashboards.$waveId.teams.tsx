import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChartFrame, DivergingBars } from "~/components/charts";
import { DashboardEmpty } from "~/components/dashboard-empty";
import { Hidden, MissingFiguresLegend } from "~/components/figure-state";
import { Pagination, pageFrom } from "~/components/pagination";
import { dashboardPage } from "~/modules/dashboards/dashboard.server";
import { teamsView } from "~/modules/dashboards/views";

const PAGE_SIZE = 25;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = pageFrom(new URL(request.url).searchParams);
  return dashboardPage(request, params, (analytics, dashboard) => {
    // Every team's figures, made once per view: a page is then a slice of them.
    const view = dashboard.derive("teams", () => teamsView(analytics), (teams) => 2_000 * (teams.groups.length + teams.departments.length));
    // One page of teams leaves the server: the page stays the same size whatever the organization's.
    return { ...view, groups: view.groups.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), groupCount: view.groups.length, page };
  });
}

/**
 * Diverging colour for a 1–5 mean around the midpoint: indigo where the answer is the healthier
 * one, amber where it is not. For positional authority, agreeing is the less healthy answer.
 */
function cellStyle(mean: number, construct: string) {
  const direction = construct === "authority.positional" ? -1 : 1;
  const t = Math.max(-1, Math.min(1, ((mean - 3) / 2) * direction));
  const [r, g, b] = t >= 0 ? [67, 56, 202] : [180, 83, 9];
  // Dark text on at most 55% colour keeps a contrast ratio above 4.5 everywhere.
  const alpha = 0.1 + Math.abs(t) * 0.45;
  return { background: `rgba(${r}, ${g}, ${b}, ${alpha})`, color: "#0f172a" };
}

export default function Teams() {
  const { k, empty, view } = useLoaderData<typeof loader>();
  if (!view) return <DashboardEmpty state={empty!} k={k} />;
  const heatRows = [view.total, ...view.departments];
  const bars = [...view.departments, ...view.groups].filter((row) => row.authorityIndex !== null).map((row) => ({ label: row.label, value: row.authorityIndex! }));
  const Heatmap = ({ rows, caption }: { rows: typeof heatRows; caption: string }) => (
    // Focusable so that keyboard users can scroll it sideways on a narrow screen.
    <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="table-base">
        <caption className="px-3 pt-3 text-left font-semibold text-slate-900">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="text-right">
              Responses
            </th>
            {view.constructs.map((c) => (
              <th key={c.construct} scope="col" className="text-center">
                {c.label}
              </th>
            ))}
            <th scope="col" className="text-center">
              Authority index
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-900">
                {row.label}
              </th>
              <td className="text-right tabular-nums">{row.responses}</td>
              {row.cells.map((cell) =>
                "suppressed" in cell ? (
                  <td key={cell.construct} className="text-center">
                    <Hidden reason="fewer-than-k" k={k} />
                  </td>
                ) : (
                  <td key={cell.construct} className="text-center tabular-nums" style={cellStyle(cell.mean, cell.construct)}>
                    {cell.mean.toFixed(2)}
                  </td>
                ),
              )}
              <td className="text-center tabular-nums">{row.authorityIndex === null ? <Hidden reason="fewer-than-k" k={k} /> : (row.authorityIndex > 0 ? "+" : "") + row.authorityIndex.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-slate-700">
        Mean agreement from 1 (strongly disagree) to 5 (strongly agree); indigo marks the healthier side of the scale, amber the other
        (for positional authority, agreeing is the less healthy answer). The authority index is earned minus positional authority: above zero,
        people follow their managers more for who they are than for their title. Each group has at least {k} responses; smaller teams are
        combined with others and count only in the combined rows.
      </p>
      <Heatmap rows={heatRows} caption="Departments × constructs" />
      <div>
        <Heatmap rows={view.groups} caption="Teams and combined groups × constructs" />
        <Pagination page={view.page} pageSize={PAGE_SIZE} total={view.groupCount} label="Teams" />
      </div>
      <MissingFiguresLegend k={k} />
      {bars.length > 0 ? (
        <ChartFrame title="Authority index" description="Earned minus positional authority per department and per team on this page (−4 to +4): above zero, people agree more that authority is earned than given by the title." height={60 + bars.length * 34} fileName="authority-index">
          <DivergingBars rows={bars} />
        </ChartFrame>
      ) : null}
    </div>
  );
}
