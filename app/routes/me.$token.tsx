import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PersonalReportPage } from "~/components/report/personal-report-page";
import { RespondentMessage } from "~/components/respondent-layout";
import { db } from "~/db.server";
import { pathSegment, requireFormData } from "~/modules/http.server";
import type { RouteHandle } from "~/modules/route-handle";
import { loadReportPage, setNamingConsent } from "~/modules/reports/report-page.server";

export const handle: RouteHandle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: "Your private report" }, { name: "robots", content: "noindex" }];

const PRIVATE = { "Cache-Control": "no-store" };

export const headers: HeadersFunction = () => PRIVATE;

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await loadReportPage(db, params.token ?? "");
  return data({ page: page ?? null }, { status: page ? 200 : 404, headers: PRIVATE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await requireFormData(request);
  const consent = form.get("consent");
  if (consent !== "give" && consent !== "withdraw") return data({ page: null }, { status: 400, headers: PRIVATE });
  const outcome = await setNamingConsent(db, token, consent === "give");
  if (outcome === "not-found") return data({ page: null }, { status: 404, headers: PRIVATE });
  return redirect(`/me/${pathSegment(token)}${outcome === "saved" ? "?saved=1" : ""}#who-sees`, { headers: PRIVATE });
}

export default function PrivateReport() {
  const { page } = useLoaderData<typeof loader>();
  if (!page) {
    return (
      <RespondentMessage title="This link does not open a report">
        <p>Check that you opened the whole link from your email. Each person’s report has its own link, sent when a survey closes.</p>
      </RespondentMessage>
    );
  }
  return <PersonalReportPage page={page} />;
}
