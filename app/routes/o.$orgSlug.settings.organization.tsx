import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, TextField } from "~/components/forms";
import { Notice } from "~/components/layout";
import { db } from "~/db.server";
import { requireFormData } from "~/modules/http.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { OrganizationSettingsForm } from "~/modules/accounts/organization-settings";
import { NAMING_LABEL, NAMINGS } from "~/modules/analytics/naming";
import { findOrganizationSettings, updateOrganizationSettings } from "~/modules/accounts/organization-settings.server";
import { fieldErrors, formValues, type FieldErrors } from "~/modules/forms";

export const meta: MetaFunction = () => [{ title: "Organization settings · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  return { canEdit: member.role === "owner", settings: await findOrganizationSettings(db, member.orgId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "owner");
  const values = formValues(await requireFormData(request));
  const form = OrganizationSettingsForm.safeParse(values);
  if (!form.success) return data({ errors: fieldErrors(form.error) as FieldErrors, values, saved: false }, { status: 400 });
  await updateOrganizationSettings(db, member.orgId, form.data);
  return { errors: {} as FieldErrors, values, saved: true };
}

export default function OrganizationSettings() {
  const { canEdit, settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const value = (key: string, fallback: string | number | null) => (result && !result.saved ? result.values[key] : (fallback ?? ""));
  return (
    <Form method="post" className="card max-w-2xl space-y-6 p-6" noValidate>
      {result?.saved ? <Notice tone="success">Settings saved.</Notice> : null}
      {canEdit ? null : <Notice>Only owners can change these settings.</Notice>}
      <fieldset disabled={!canEdit} className="space-y-6">
        <TextField label="Organization name" name="name" required defaultValue={String(value("name", settings.name))} errors={errors?.name} />
        <TextField
          label="Minimum group size (k)"
          name="minGroupSize"
          type="number"
          min={3}
          max={50}
          required
          defaultValue={String(value("minGroupSize", settings.min_group_size))}
          errors={errors?.minGroupSize}
          hint="Every figure is computed over at least this many responses, network edges included; smaller groups are shown as suppressed. This is what keeps any one answer from being traced back to a person. New surveys start with this value; it can never go below 3."
        />
        <TextField
          label="Minimum group for comments"
          name="commentMinGroupSize"
          type="number"
          min={3}
          max={100}
          required
          defaultValue={String(value("commentMinGroupSize", settings.comment_min_group_size))}
          errors={errors?.commentMinGroupSize}
          hint="Free-text comments carry more identifying detail than scores, so they are shown only for groups at least this large, in random order and without dates."
        />
        <TextField
          label="Differential privacy ε (optional)"
          name="dpEpsilon"
          inputMode="decimal"
          defaultValue={String(value("dpEpsilon", settings.dp_epsilon))}
          errors={errors?.dpEpsilon}
          hint="Adds Laplace noise of scale 1/ε to every published count, the same noise on every view of a figure. Smaller ε hides more and blurs more; 1 is a common choice. Leave empty for exact counts."
        />
        <fieldset aria-describedby="naming-hint">
          <legend className="label">Who appears by name on influence views</legend>
          <p id="naming-hint" className="mt-1 text-sm text-slate-600">
            The network, quadrant, people and person pages and their exports, for analysts and leaders. Whatever you choose, leaders never see people without a formal role named among those they oversee.
          </p>
          <div className="mt-3 space-y-3">
            {NAMINGS.map((naming) => (
              <label key={naming} className="flex items-start gap-3">
                <input type="radio" name="naming" value={naming} defaultChecked={String(value("naming", settings.naming)) === naming} className="mt-1 h-4 w-4" />
                <span>
                  <span className="block font-medium">{NAMING_LABEL[naming].title}</span>
                  <span className="block text-sm text-slate-600">{NAMING_LABEL[naming].text}</span>
                </span>
              </label>
            ))}
          </div>
          {errors?.naming ? <p className="mt-2 text-sm text-red-700" role="alert">{errors.naming[0]}</p> : null}
        </fieldset>
        {canEdit ? <SubmitButton pendingText="Saving…">Save settings</SubmitButton> : null}
      </fieldset>
    </Form>
  );
}
