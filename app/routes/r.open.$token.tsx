import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RespondentMessage } from "~/components/respondent-layout";
import { RespondentErrorBoundary } from "~/components/respondent-error";
import { RespondentPage } from "~/components/respondent-page";
import { db } from "~/db.server";
import { keepingAnswersThroughOutages } from "~/modules/outage.server";
import { pathSegment, requireFormData } from "~/modules/http.server";
import type { RouteHandle } from "~/modules/route-handle";
import { answeredCookie, hasAnsweredInThisBrowser, underOpenLinkCap, underSearchLimit } from "~/modules/responses/open-link.server";
import { clientAddress } from "~/modules/request.server";
import { handleRespondentPost, isSearchIntent, respondentView, THANKS_PAGE } from "~/modules/responses/respondent-page.server";
import { findOpenLinkForm, submitOpenLinkResponse } from "~/modules/responses/responses.server";

export const handle: RouteHandle = { hydrate: false, scripts: ["/respondent.js"] };

export const meta: MetaFunction = () => [{ title: "Survey" }, { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const form = await findOpenLinkForm(db, token);
  if (form.state === "open" && hasAnsweredInThisBrowser(request, token)) {
    return data({ form: { state: "answered" as const, orgName: form.orgName, surveyName: form.surveyName } });
  }
  return data({ form: await respondentView(db, form) }, { status: form.state === "unknown" ? 404 : 200 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  if (hasAnsweredInThisBrowser(request, token)) return redirect(`/r/open/${pathSegment(token)}`);
  const formData = await requireFormData(request);
  return keepingAnswersThroughOutages(formData, async () => {
    const form = await findOpenLinkForm(db, token);
    if (form.state !== "open") return redirect(`/r/open/${pathSegment(token)}`);
    const isSearch = isSearchIntent(String(formData.get("intent") ?? ""));
    const allowed = isSearch ? await underSearchLimit(form.waveId, clientAddress(context)) : await underOpenLinkCap(db, form.waveId);
    if (!allowed) return data({ busy: true }, { status: 429 });
    const reply = await handleRespondentPost(db, form, formData, (submission) => submitOpenLinkResponse(db, token, submission));
    if (reply.kind === "stored") return redirect(THANKS_PAGE, { headers: { "Set-Cookie": answeredCookie(token) } });
    if (reply.kind === "gone") return redirect(`/r/open/${pathSegment(token)}`);
    return data(reply, { status: reply.status });
  });
}

export default function OpenLink() {
  const { form } = useLoaderData<typeof loader>();
  const reply = useActionData<{ busy?: boolean }>();
  if (reply?.busy) {
    return (
      <RespondentMessage title="Please try again in a few minutes">
        <p>Many answers are arriving through this shared link right now. Nothing was sent; go back and send again shortly.</p>
      </RespondentMessage>
    );
  }
  return <RespondentPage unverified={form.state === "open"} />;
}

export function ErrorBoundary() {
  return <RespondentErrorBoundary />;
}
