import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { RespondentErrorBoundary } from "~/components/respondent-error";
import { RespondentPage } from "~/components/respondent-page";
import { db } from "~/db.server";
import { keepingAnswersThroughOutages } from "~/modules/outage.server";
import { pathSegment, requireFormData } from "~/modules/http.server";
import type { RouteHandle } from "~/modules/route-handle";
import { respondentView, respondToPersonalLink, THANKS_PAGE } from "~/modules/responses/respondent-page.server";
import { findRespondentForm } from "~/modules/responses/responses.server";

export const handle: RouteHandle = { hydrate: false, scripts: ["/respondent.js"] };

export const meta: MetaFunction = () => [{ title: "Survey" }, { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const STATUS = { unknown: 404, answered: 410, closed: 410, "not-open": 403, open: 200 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const form = await findRespondentForm(db, params.token ?? "");
  return data({ form: await respondentView(db, form) }, { status: STATUS[form.state], headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await requireFormData(request);
  return keepingAnswersThroughOutages(formData, async () => {
    const reply = await respondToPersonalLink(db, token, formData);
    if (reply.kind === "stored") return redirect(THANKS_PAGE);
    if (reply.kind === "gone") return redirect(`/r/${pathSegment(token)}`);
    return data(reply, { status: reply.status });
  });
}

export default function PersonalLink() {
  return <RespondentPage />;
}

export function ErrorBoundary() {
  return <RespondentErrorBoundary />;
}
