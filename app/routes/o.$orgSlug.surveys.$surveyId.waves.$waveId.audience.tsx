import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormActions, FormError } from "~/components/forms";
import { Breadcrumb, PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireFormData, searchText } from "~/modules/http.server";
import { draftAudience, parseAudienceForm } from "~/modules/surveys/audience";
import { loadAudiencePicker } from "~/modules/surveys/audience-picker.server";
import { updateAudience } from "~/modules/surveys/surveys.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

export const meta: MetaFunction = () => [{ title: "Audience · Earned" }];

/** Without a query: the saved audience. With one (Recount, Find, or the live count): the draft it describes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const searchParams = new URL(request.url).searchParams;
  const draft = draftAudience(searchParams, wave.audience);
  const search = searchText(searchParams, "q", 100);
  const picker = await loadAudiencePicker(db, member.orgId, draft.audience, search);
  return { orgSlug: member.orgSlug, wave, draft: draft.audience, draftMessage: draft.message, search, ...picker };
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

const people = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "person" : "people"}`;

export default function Audience() {
  const { orgSlug, wave, draft, draftMessage, search, total, departments, managers, excluded, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const counter = useFetcher<typeof loader>();
  const location = useLocation();
  const back = `/o/${orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`;
  const shownTotal = counter.data?.total ?? total;
  const shownMessage = counter.data ? counter.data.draftMessage : draftMessage;
  // Ticking a box recounts in the background; without JavaScript, "Recount" does the same as a page load.
  const recount = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.type === "checkbox" || target.type === "radio") counter.submit(event.currentTarget, { method: "get", action: location.pathname });
  };
  const editable = wave.status === "draft" || wave.status === "scheduled";
  return (
    <>
      <Breadcrumb to={back}>
        {wave.surveyName}, wave {wave.number}
      </Breadcrumb>
      <PageHeader title="Who is invited" description="Each person gets one personal, single-use link when the wave opens." />
      <Form method="post" className="card max-w-3xl p-0" onChange={recount}>
        <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-t-xl border-b border-slate-200 bg-white/95 px-6 py-4 backdrop-blur">
          <p className="text-sm text-slate-700" aria-live="polite" aria-atomic="true">
            <strong className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="audience-total">
              {shownTotal.toLocaleString("en")}
            </strong>{" "}
            {shownTotal === 1 ? "person" : "people"} will be invited
            {counter.state !== "idle" ? <span className="ml-2 text-slate-500">counting…</span> : null}
            {shownMessage ? <span className="block text-amber-800">{shownMessage}</span> : null}
          </p>
          <button type="submit" formMethod="get" className="btn-secondary" disabled={!editable}>
            Recount
          </button>
        </div>
        <div className="space-y-6 p-6">
          <FormError errors={result?.error ? [result.error] : undefined} />
          <fieldset disabled={!editable} className="space-y-6">
            <legend className="sr-only">Audience</legend>
            <label className="flex items-start gap-3">
              <input type="radio" name="kind" value="organization" defaultChecked={draft.kind === "organization"} className="mt-1" />
              <span>
                <strong>The whole organization</strong>
                <span className="block text-sm text-slate-600">Everyone active in the roster.</span>
              </span>
            </label>
            <div>
              <label className="flex items-start gap-3">
                <input type="radio" name="kind" value="departments" defaultChecked={draft.kind === "departments"} className="mt-1" />
                <strong>Chosen departments</strong>
              </label>
              <div className="ml-7 mt-2 grid gap-1 sm:grid-cols-2">
                {departments.length === 0 ? <p className="text-sm text-slate-600">The roster has no departments.</p> : null}
                {departments.map((department) => (
                  <label key={department.name} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="department" value={department.name} defaultChecked={draft.kind === "departments" && draft.departments.includes(department.name)} />
                    <span>
                      {department.name} <span className="tabular-nums text-slate-600">· {people(department.count)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
            <div>
              <label className="flex items-start gap-3">
                <input type="radio" name="kind" value="subtrees" defaultChecked={draft.kind === "subtrees"} className="mt-1" />
                <span>
                  <strong>Parts of the org chart</strong>
                  <span className="block text-sm text-slate-600">Each chosen manager and everyone below them; a team inside another is counted once.</span>
                </span>
              </label>
              <div className="ml-7 mt-2 grid max-h-96 gap-1 overflow-y-auto sm:grid-cols-2" tabIndex={0} role="region" aria-label="Managers">
                {managers.map((manager) => (
                  <label key={manager.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="managerId" value={manager.id} defaultChecked={draft.kind === "subtrees" && draft.managerIds.includes(manager.id)} />
                    <span>
                      {manager.name} <span className="text-slate-600">· {manager.title ?? manager.department ?? ""}</span>{" "}
                      <span className="tabular-nums text-slate-600">· team of {manager.teamSize.toLocaleString("en")}</span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
            <section aria-labelledby="leave-out" className="border-t border-slate-200 pt-5">
              <h2 id="leave-out" className="font-semibold">
                Leave people out
              </h2>
              <p className="mt-1 text-sm text-slate-600">New joiners, contractors, people on leave: ticked people are not invited even when their department or team is.</p>
              {excluded.length > 0 ? (
                <fieldset className="mt-3">
                  <legend className="text-sm font-medium">Left out ({excluded.length})</legend>
                  <div className="mt-1 grid gap-1 sm:grid-cols-2">
                    {excluded.map((person) => (
                      <PersonCheckbox key={person.id} person={person} checked />
                    ))}
                  </div>
                </fieldset>
              ) : null}
              <fieldset className="mt-3">
                <legend className="text-sm font-medium">
                  {candidates.kind === "search" ? `Matching “${search}”` : "Joined the roster in the last 60 days"}
                </legend>
                {candidates.people.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-600">{candidates.kind === "search" ? "Nobody else active matches." : "Nobody joined recently."}</p>
                ) : (
                  <div className="mt-1 grid gap-1 sm:grid-cols-2">
                    {candidates.people.map((person) => (
                      <PersonCheckbox key={person.id} person={person} checked={false} />
                    ))}
                  </div>
                )}
                {candidates.more ? <p className="mt-1 text-sm text-slate-600">More match: narrow the search to see them.</p> : null}
              </fieldset>
              <div className="mt-3 flex max-w-md items-end gap-2">
                <div className="flex-1">
                  <label htmlFor="q" className="label">
                    Find someone to leave out
                  </label>
                  <input id="q" name="q" type="search" defaultValue={search} className="input mt-1" autoComplete="off" />
                </div>
                <button type="submit" formMethod="get" className="btn-secondary">
                  Find
                </button>
              </div>
            </section>
            <FormActions submit="Save audience" pending="Saving…" cancelTo={back} />
          </fieldset>
        </div>
      </Form>
    </>
  );
}

function PersonCheckbox({ person, checked }: { person: { id: string; name: string; title: string | null; department: string | null }; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="exclude" value={person.id} defaultChecked={checked} />
      <span>
        {person.name} <span className="text-slate-600">· {person.title ?? person.department ?? ""}</span>
      </span>
    </label>
  );
}
