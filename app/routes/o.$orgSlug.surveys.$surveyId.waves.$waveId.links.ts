import type { ActionFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/modules/csv";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { publicBaseUrl } from "~/modules/request-url.server";
import { issueLinkList } from "~/modules/surveys/waves.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

/** POST only: every download issues new links, which is a change, not a read. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const rows = await issueLinkList(db, member.orgId, wave.id, publicBaseUrl(request));
  if (!rows) return new Response("Links can be downloaded while the wave is open.", { status: 409 });
  const csv = toCsv({ fields: ["name", "email", "department", "link"], data: rows.map((row) => [row.name, row.email, row.department, row.link]) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="wave-${wave.number}-links.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
