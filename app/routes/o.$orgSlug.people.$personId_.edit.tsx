import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormActions, FormError, TextField } from "~/components/forms";
import { Breadcrumb, PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireFormData, requireId } from "~/modules/http.server";
import { findPersonForEdit, setPersonActive, updatePerson } from "~/modules/people/person-edit.server";
import { parsePersonForm } from "~/modules/people/person-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.person.name} · Earned` : "Edit person · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const person = await findPersonForEdit(db, member.orgId, requireId(params.personId));
  if (!person) throw notFound();
  return { orgSlug: member.orgSlug, person };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const personId = requireId(params.personId);
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  const back = `/o/${member.orgSlug}/people/${personId}`;
  if (intent === "deactivate" || intent === "reactivate") {
    const outcome = await setPersonActive(db, member.orgId, personId, intent === "reactivate");
    if (outcome === "not-found") throw notFound();
    if (outcome === "has-reports") {
      return data({ errors: { form: ["This person manages people who are still active. Give them another manager first (here or in a roster import)."] } }, { status: 409 });
    }
    return redirect(back);
  }
  const parsed = parsePersonForm(formData);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const outcome = await updatePerson(db, member.orgId, personId, parsed.edit);
  if (outcome.outcome === "not-found") throw notFound();
  if (outcome.outcome === "invalid") return data({ errors: outcome.errors }, { status: 400 });
  return redirect(back);
}

export default function EditPerson() {
  const { orgSlug, person } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string[] | undefined> | undefined;
  const back = `/o/${orgSlug}/people/${person.id}`;
  return (
    <>
      <Breadcrumb to={back}>{person.name}</Breadcrumb>
      <PageHeader title={`Edit ${person.name}`} description="Changes apply at once and count in the next wave's audience. Waves already open keep the audience they had." />
      <Form method="post" className="card max-w-2xl space-y-5 p-6" noValidate>
        <FormError errors={errors?.form} />
        <TextField label="Name" name="name" defaultValue={person.name} errors={errors?.name} required autoComplete="off" />
        <TextField label="Email" name="email" type="email" defaultValue={person.email} errors={errors?.email} required autoComplete="off" />
        <TextField label="Title" name="title" defaultValue={person.title ?? ""} errors={errors?.title} autoComplete="off" />
        <TextField label="Department" name="department" defaultValue={person.department ?? ""} errors={errors?.department} autoComplete="off" />
        <TextField
          label="Manager's email"
          name="managerEmail"
          type="email"
          defaultValue={person.managerEmail ?? ""}
          errors={errors?.managerEmail}
          hint={person.managerName ? `Now: ${person.managerName}. Leave empty for nobody (top of the org chart).` : "Leave empty for nobody (top of the org chart)."}
          autoComplete="off"
        />
        <input type="hidden" name="intent" value="save" />
        <FormActions submit="Save changes" pending="Saving…" cancelTo={back} />
      </Form>
      <section className="card mt-6 max-w-2xl p-6" aria-labelledby="status">
        <h2 id="status" className="font-semibold">
          {person.active ? "Deactivate" : "Deactivated"}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {person.active
            ? "A deactivated person keeps their history but is not invited to new waves."
            : "This person is not invited to new waves. Reactivating brings them back into the roster."}
        </p>
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value={person.active ? "deactivate" : "reactivate"} className="btn-secondary">
            {person.active ? `Deactivate ${person.name}` : `Reactivate ${person.name}`}
          </button>
        </Form>
      </section>
    </>
  );
}
