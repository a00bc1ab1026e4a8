import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireDashboard } from "~/modules/dashboards/dashboard.server";
import { keptExportFile } from "~/modules/dashboards/export-writer.server";
import { EXPORTS, isExportFormat } from "~/modules/dashboards/exports";
import { notFound } from "~/modules/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isExportFormat(params.format)) throw notFound();
  const dashboard = await requireDashboard(request, params);
  if (!dashboard.analytics || dashboard.analytics.blocks.length === 0) {
    return new Response("Nothing to export yet: results appear once enough people have answered.", { status: 409 });
  }
  const body = await keptExportFile(db, { ...dashboard, analytics: dashboard.analytics }, params.format);
  const name = `${dashboard.wave.surveyName.replace(/[^\w-]+/g, "-").toLowerCase()}-wave-${dashboard.wave.number}-${params.format}`;
  return new Response(body, {
    headers: {
      "Content-Type": EXPORTS[params.format].type,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
