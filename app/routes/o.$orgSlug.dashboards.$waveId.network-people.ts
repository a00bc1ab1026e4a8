import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDashboard } from "~/modules/dashboards/dashboard.server";
import { findPeople, keptNetworkPeople } from "~/modules/dashboards/network-view";
import { notFound, searchText } from "~/modules/http.server";

/**
 * The network page's people, on demand: `?department=` or `?group=g<n>` for the people of one,
 * `?find=` for named people matching a name (`&include=<id>` keeps a found person among those drawn). Through requireDashboard like every dashboard page,
 * so the viewer's scope and the naming rules apply before anything is read from the snapshot.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const dashboard = await requireDashboard(request, params);
  const analytics = dashboard.analytics;
  if (!analytics || analytics.blocks.length === 0) throw notFound("Nothing to show yet.");
  const query = new URL(request.url).searchParams;
  const headers = { "Cache-Control": "private, no-store" };
  if (query.has("find")) return Response.json({ found: findPeople(analytics, searchText(query, "find", 100)) }, { headers });
  const department = query.get("department");
  const group = query.get("group");
  if (department === null && group === null) return new Response("Ask for a department (?department=) or a group (?group=).", { status: 400, headers });
  const include = searchText(query, "include", 100) || undefined;
  const asked = department !== null ? { department: searchText(query, "department", 200), include } : { group: searchText(query, "group", 20), include };
  const found = keptNetworkPeople(analytics, dashboard.derive, asked);
  if (!found) throw notFound("No such group.");
  return Response.json(found, { headers });
}
