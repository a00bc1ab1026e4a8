import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/modules/csv";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireId } from "~/modules/http.server";
import { findRosterImport } from "~/modules/people/roster.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const rosterImport = await findRosterImport(db, member.orgId, requireId(params.importId));
  if (!rosterImport) throw notFound();
  const csv = toCsv({
    fields: ["line", "email", "problem"],
    data: rosterImport.summary.problems.map((problem) => [problem.line, problem.email ?? "", problem.message]),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="roster-problems.csv"`,
    },
  });
}
