import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { namedPeopleKeys } from "~/modules/dashboards/person-keys.server";
import { requireDashboard } from "~/modules/dashboards/dashboard.server";
import { writeExport } from "~/modules/dashboards/export-writer.server";
import { EXPORTS, exportFile, isExportFormat } from "~/modules/dashboards/exports";
import { notFound } from "~/modules/http.server";
import { rosterFingerprint } from "~/modules/people/roster.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isExportFormat(params.format)) throw notFound();
  const dashboard = await requireDashboard(request, params);
  if (!dashboard.analytics || dashboard.analytics.blocks.length === 0) {
    return new Response("Nothing to export yet: results appear once enough people have answered.", { status: 409 });
  }
  const format = params.format;
  const analytics = dashboard.analytics;
  // Written once per snapshot, scope and naming (off the request thread), and kept with that view;
  // people.csv carries today's emails too, so it is kept per roster version as well.
  const orgId = dashboard.member.orgId;
  const body =
    format === "people.csv"
      ? await dashboard.derive(`export:${format}:${await rosterFingerprint(db, orgId)}`, async () => exportFile(analytics, format, await namedPeopleKeys(db, orgId, analytics.people)), (text) => 2 * text.length)
      : await dashboard.derive(`export:${format}`, () => writeExport(analytics, format), (text) => 2 * text.length);
  const name = `${dashboard.wave.surveyName.replace(/[^\w-]+/g, "-").toLowerCase()}-wave-${dashboard.wave.number}-${params.format}`;
  return new Response(body, {
    headers: {
      "Content-Type": EXPORTS[params.format].type,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
