import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { Logo } from "~/components/layout";
import { db } from "~/db.server";
import { requireFormData } from "~/modules/http.server";
import { createOrganizationFor } from "~/modules/accounts/accounts.server";
import { requireUser } from "~/modules/accounts/auth.server";
import { listMemberships } from "~/modules/accounts/membership.server";
import { ROLE_LABELS } from "~/modules/accounts/roles";
import { fieldErrors, formValues } from "~/modules/forms";

export const meta: MetaFunction = () => [{ title: "Your organizations · Earned" }];

const NewOrganizationForm = z.object({
  organizationName: z
    .string()
    .trim()
    .min(2, "Enter the organization's name (at least 2 characters).")
    .max(100, "Use at most 100 characters."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { name: user.name, email: user.email }, memberships: await listMemberships(db, user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = NewOrganizationForm.safeParse(formValues(await requireFormData(request)));
  if (!form.success) return data({ errors: fieldErrors(form.error) }, { status: 400 });
  const organization = await createOrganizationFor(db, user.id, form.data.organizationName);
  return redirect(`/o/${organization.slug}`);
}

export default function Organizations() {
  const { user, memberships } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-2xl px-6 py-12">
      <div className="flex items-center justify-between">
        <Logo to="/orgs" />
        <Form method="post" action="/logout">
          <button type="submit" className="btn-ghost">
            Log out
          </button>
        </Form>
      </div>
      <h1 className="mt-10 text-2xl font-bold tracking-tight">Your organizations</h1>
      <p className="mt-1 text-sm text-slate-600">Signed in as {user.email}.</p>
      {memberships.length === 0 ? (
        <p className="card mt-6 p-6 text-sm text-slate-700">
          You are not a member of any organization yet. Create one below, or ask an admin of your organization for
          an invitation.
        </p>
      ) : (
        <ul className="card mt-6 divide-y divide-slate-200">
          {memberships.map((membership) => (
            <li key={membership.slug}>
              <Link
                to={`/o/${membership.slug}`}
                className="flex items-center justify-between px-5 py-4 hover:bg-slate-50"
              >
                <span className="font-medium text-slate-900">{membership.name}</span>
                <span className="text-sm text-slate-600">{ROLE_LABELS[membership.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section className="card mt-10 p-6" aria-labelledby="new-org">
        <h2 id="new-org" className="font-semibold">
          Create another organization
        </h2>
        <Form method="post" className="mt-4 flex flex-wrap items-end gap-3" noValidate>
          <FormError errors={result?.errors.form} />
          <TextField
            className="min-w-64 flex-1"
            label="Organization name"
            name="organizationName"
            required
            maxLength={100}
            errors={result?.errors.organizationName}
          />
          <SubmitButton pendingText="Creating…">Create</SubmitButton>
        </Form>
      </section>
    </main>
  );
}
