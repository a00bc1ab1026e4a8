import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { withPlainQuery } from "~/modules/http.server";
import { nomineeSearchResponse } from "~/modules/responses/respondent-page.server";
import { findRespondentForm } from "~/modules/responses/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return nomineeSearchResponse(db, withPlainQuery(request), await findRespondentForm(db, params.token ?? ""));
}
