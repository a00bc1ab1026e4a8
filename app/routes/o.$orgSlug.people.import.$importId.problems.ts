import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/modules/csv";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireId } from "~/modules/http.server";
import { findRosterImport, listImportProblems } from "~/modules/people/roster.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const importId = requireId(params.importId);
  if (!(await findRosterImport(db, member.orgId, importId))) throw notFound();
  const problems = await listImportProblems(db, member.orgId, importId);
  const csv = toCsv({
    fields: ["line", "email", "problem"],
    data: problems.map((problem) => [problem.line, problem.email ?? "", problem.message]),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="roster-problems.csv"`,
    },
  });
}
