import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { withPlainQuery } from "~/modules/http.server";
import { clientAddress } from "~/modules/request.server";
import { underSearchLimit } from "~/modules/responses/open-link.server";
import { nomineeSearchResponse } from "~/modules/responses/respondent-page.server";
import { findOpenLinkForm } from "~/modules/responses/responses.server";

/** The open link's type-ahead: names only, a few at a time, and slowed down per address. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const form = await findOpenLinkForm(db, params.token ?? "");
  if (form.state === "open" && !(await underSearchLimit(form.waveId, clientAddress(context)))) {
    return Response.json({ error: "Too many searches. Wait a minute and try again." }, { status: 429, headers: { "Cache-Control": "no-store", "Retry-After": "60" } });
  }
  return nomineeSearchResponse(db, withPlainQuery(request), form);
}
