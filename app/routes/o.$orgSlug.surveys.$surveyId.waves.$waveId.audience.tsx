import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormActions, FormError } from "~/components/forms";
import { Breadcrumb, PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireFormData } from "~/modules/http.server";
import { listDepartments } from "~/modules/people/people.server";
import { parseAudienceForm } from "~/modules/surveys/audience";
import { listManagers, resolveAudience, updateAudience } from "~/modules/surveys/surveys.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

export const meta: MetaFunction = () => [{ title: "Audience · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const [departments, managers, audience] = await Promise.all([
    listDepartments(db, member.orgId),
    listManagers(db, member.orgId),
    resolveAudience(db, member.orgId, wave.audience),
  ]);
  return { orgSlug: member.orgSlug, wave, departments, managers, audienceSize: audience.length };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const parsed = parseAudienceForm(await requireFormData(request));
  if (!parsed.ok) return data({ error: parsed.message }, { status: 400 });
  const outcome = await updateAudience(db, member.orgId, wave.id, parsed.audience);
  if (outcome === "not-found") throw notFound();
  if (outcome === "locked") return data({ error: "This wave has opened: its audience is fixed." }, { status: 409 });
  return redirect(`/o/${member.orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`);
}

export default function Audience() {
  const { orgSlug, wave, departments, managers, audienceSize } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const audience = wave.audience;
  const back = `/o/${orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`;
  return (
    <>
      <Breadcrumb to={back}>
        {wave.surveyName}, wave {wave.number}
      </Breadcrumb>
      <PageHeader title="Who is invited" description={`Currently ${audienceSize} ${audienceSize === 1 ? "person" : "people"}. Each gets one personal, single-use link when the wave opens.`} />
      <Form method="post" className="card max-w-3xl space-y-6 p-6">
        <FormError errors={result?.error ? [result.error] : undefined} />
        <fieldset disabled={wave.status !== "draft" && wave.status !== "scheduled"} className="space-y-5">
          <legend className="sr-only">Audience</legend>
          <label className="flex items-start gap-3">
            <input type="radio" name="kind" value="organization" defaultChecked={audience.kind === "organization"} className="mt-1" />
            <span>
              <strong>The whole organization</strong>
              <span className="block text-sm text-slate-600">Everyone active in the roster.</span>
            </span>
          </label>
          <div>
            <label className="flex items-start gap-3">
              <input type="radio" name="kind" value="departments" defaultChecked={audience.kind === "departments"} className="mt-1" />
              <strong>Chosen departments</strong>
            </label>
            <div className="ml-7 mt-2 grid gap-1 sm:grid-cols-2">
              {departments.length === 0 ? <p className="text-sm text-slate-600">The roster has no departments.</p> : null}
              {departments.map((department) => (
                <label key={department} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="department" value={department} defaultChecked={audience.kind === "departments" && audience.departments.includes(department)} />
                  {department}
                </label>
              ))}
            </div>
          </div>
          <div>
            <label className="flex items-start gap-3">
              <input type="radio" name="kind" value="subtrees" defaultChecked={audience.kind === "subtrees"} className="mt-1" />
              <span>
                <strong>Parts of the org chart</strong>
                <span className="block text-sm text-slate-600">Each chosen manager and everyone below them.</span>
              </span>
            </label>
            <div className="ml-7 mt-2 grid max-h-96 gap-1 overflow-y-auto sm:grid-cols-2">
              {managers.map((manager) => (
                <label key={manager.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="managerId" value={manager.id} defaultChecked={audience.kind === "subtrees" && audience.managerIds.includes(manager.id)} />
                  <span>
                    {manager.name} <span className="text-slate-600">· {manager.title ?? manager.department ?? ""}</span>
                  </span>
                </label>
              ))}
            </div>
          </div>
          <FormActions submit="Save audience" pending="Saving…" cancelTo={back} />
        </fieldset>
      </Form>
    </>
  );
}
