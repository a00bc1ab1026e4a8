import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { previewRosterImport } from "~/modules/people/roster.server";
import { readRosterUpload } from "~/modules/people/roster-upload.server";

/** The same upload as the import page's form, answering JSON for the enhanced form's progress bar. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const upload = await readRosterUpload(request);
  if (!upload.ok) return Response.json({ error: upload.message }, { status: upload.status });
  const outcome = await previewRosterImport(db, { orgId: member.orgId, userId: member.userId, ...upload });
  if (outcome.outcome === "unreadable") return Response.json({ error: outcome.message }, { status: 400 });
  return Response.json({ redirectTo: `/o/${member.orgSlug}/people/import/${outcome.importId}` });
}
