import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound } from "~/modules/http.server";
import { orgChartTeam } from "~/modules/people/org-chart.server";

/** One manager's team for the org chart page, opened after the page loaded. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "analyst");
  const team = await orgChartTeam(db, member.orgId, params.personId ?? "");
  if (!team) throw notFound();
  return { team };
}
