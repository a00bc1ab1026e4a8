import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireFormData } from "~/modules/http.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { fieldErrors, formValues, type FieldErrors } from "~/modules/forms";
import { createSurvey, listTemplates } from "~/modules/surveys/surveys.server";

export const meta: MetaFunction = () => [{ title: "New survey · Earned" }];

const NewSurveyForm = z.object({
  name: z.string().trim().min(2, "Name the survey (at least 2 characters).").max(100, "Use at most 100 characters."),
  templateKey: z.string({ required_error: "Choose a template." }).min(1, "Choose a template.").max(100),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  return { orgSlug: member.orgSlug, templates: await listTemplates(db) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const values = formValues(await requireFormData(request));
  const form = NewSurveyForm.safeParse(values);
  if (!form.success) return data({ errors: fieldErrors(form.error), values }, { status: 400 });
  const outcome = await createSurvey(db, member.orgId, form.data);
  if (outcome.outcome === "name-taken") return data({ errors: { name: ["Another survey already has this name."] } as FieldErrors, values }, { status: 409 });
  if (outcome.outcome === "template-not-found") return data({ errors: { templateKey: ["Choose a template."] } as FieldErrors, values }, { status: 400 });
  return redirect(`/o/${member.orgSlug}/surveys/${outcome.surveyId}`);
}

export default function NewSurvey() {
  const { orgSlug, templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const chosen = result?.values.templateKey ?? templates[0]?.key;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/surveys`} className="link">
          Surveys
        </Link>
      </nav>
      <PageHeader title="New survey" description="You can edit every question before the first wave opens." />
      <Form method="post" className="card max-w-3xl space-y-6 p-6" noValidate>
        <FormError errors={result?.errors.form} />
        <TextField label="Survey name" name="name" required maxLength={100} defaultValue={result?.values.name ?? "Influence & Authority Pulse"} errors={result?.errors.name} />
        <fieldset>
          <legend className="label">Start from</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {templates.map((template) => (
              <label key={template.key} className="card flex cursor-pointer gap-3 p-4 has-[:checked]:ring-2 has-[:checked]:ring-indigo-600">
                <input type="radio" name="templateKey" value={template.key} defaultChecked={template.key === chosen} className="mt-1" />
                <span>
                  <span className="block font-semibold">{template.name}</span>
                  <span className="mt-1 block text-sm text-slate-600">{template.description}</span>
                  <span className="mt-2 block text-xs text-slate-500">{template.questionCount} questions</span>
                </span>
              </label>
            ))}
          </div>
          {result?.errors.templateKey ? <p className="field-error">{result.errors.templateKey[0]}</p> : null}
        </fieldset>
        <SubmitButton pendingText="Creating…">Create survey</SubmitButton>
      </Form>
    </>
  );
}
