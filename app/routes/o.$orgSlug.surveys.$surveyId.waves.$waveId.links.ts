import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { toCsv } from "~/modules/csv";
import { notFound } from "~/modules/http.server";
import { linkList } from "~/modules/surveys/distribution.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

const REFUSED = {
  "not-open": "Links can be downloaded while the wave is open.",
  "email-wave": "This wave's links go by email: only each respondent holds theirs, so there is no list to download.",
} as const;

/** POST only: a link list is a set of secrets, never something a GET or a prefetch should fetch. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const list = await linkList(db, member.orgId, wave.id);
  if (list.outcome === "not-found") throw notFound();
  if (list.outcome !== "listed") return new Response(REFUSED[list.outcome], { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const csv = toCsv({ fields: ["name", "email", "department", "link"], data: list.rows.map((row) => [row.name, row.email, row.department, row.link]) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="wave-${wave.number}-links.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
