import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormActions, FormError, TextField } from "~/components/forms";
import { useViewerTimeZone } from "~/components/local-time";
import { Breadcrumb, Notice, PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { isTimeZone, toDateTimeInput } from "~/modules/dates";
import { smtpConfigured } from "~/modules/email/email.server";
import { fieldErrors, formValues, type FieldErrors } from "~/modules/forms";
import { notFound, requireFormData } from "~/modules/http.server";
import { findSurvey, updateWaveSettings } from "~/modules/surveys/surveys.server";
import { requireWave } from "~/modules/surveys/wave-access.server";
import { WaveSettingsForm } from "~/modules/surveys/wave-settings-form";
import { GROUP_SIZE } from "~/modules/anonymity/policy";
import { DISTRIBUTION_HINT, DISTRIBUTION_LABEL } from "~/modules/surveys/distribution";
import type { Distribution } from "@db/schema";

export const meta: MetaFunction = () => [{ title: "Wave settings · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const survey = await findSurvey(db, member.orgId, wave.surveyId);
  return { orgSlug: member.orgSlug, wave, repeatEveryWeeks: survey?.repeat_every_weeks ?? null, smtp: smtpConfigured() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const values = formValues(await requireFormData(request));
  const form = WaveSettingsForm.safeParse(values);
  if (!form.success) return data({ errors: fieldErrors(form.error), values }, { status: 400 });
  const outcome = await updateWaveSettings(db, member.orgId, wave.id, form.data);
  if (outcome === "not-found") throw notFound();
  if (outcome === "locked") return data({ errors: { form: ["This wave has opened; its settings are fixed."] } as FieldErrors, values }, { status: 409 });
  return redirect(`/o/${member.orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`);
}

export default function WaveSettings() {
  const { orgSlug, wave, repeatEveryWeeks, smtp } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const viewerTimeZone = useViewerTimeZone();
  const errors = result?.errors;
  const value = (key: string, fallback: string) => (result ? (result.values[key] ?? "") : fallback);
  const back = `/o/${orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`;
  // Times typed before a failed save were typed in the zone that form sent.
  const sentZone = result?.values.timeZone;
  const timeZone = (sentZone && isTimeZone(sentZone) ? sentZone : null) ?? viewerTimeZone ?? "UTC";
  const zoneLabel = timeZone === "UTC" ? "UTC" : `your time, ${timeZone.replaceAll("_", " ")}`;
  return (
    <>
      <Breadcrumb to={back}>
        {wave.surveyName}, wave {wave.number}
      </Breadcrumb>
      <PageHeader title="Settings and schedule" />
      <Form method="post" className="card max-w-3xl space-y-6 p-6" noValidate>
        <FormError errors={errors?.form ?? errors?.timeZone} />
        <fieldset disabled={wave.status !== "draft" && wave.status !== "scheduled"} className="space-y-6">
          <TextField
            label="Minimum group size (k)"
            name="minGroupSize"
            type="number"
            min={GROUP_SIZE.floor}
            max={GROUP_SIZE.max}
            defaultValue={value("minGroupSize", String(wave.min_group_size))}
            errors={errors?.minGroupSize}
            hint={`No figure from this wave covers fewer than k people who answered; a team needs more than k people to have results of its own. At least ${GROUP_SIZE.floor}; raise it for sensitive topics.`}
          />
          <fieldset>
            <legend className="label">How people get their links</legend>
            <div className="mt-2 space-y-2 text-sm">
              {(Object.keys(DISTRIBUTION_LABEL) as Distribution[]).map((distribution) => (
                <label key={distribution} className="flex items-start gap-2">
                  <input type="radio" name="distribution" value={distribution} defaultChecked={value("distribution", wave.distribution) === distribution} className="mt-1" />
                  <span>
                    <strong>{DISTRIBUTION_LABEL[distribution]}.</strong> {DISTRIBUTION_HINT[distribution]}
                    {distribution === "email" && !smtp ? " This installation has no email server yet: invitations would wait in a trial outbox that administrators can read, and respondents would be told so." : ""}
                  </span>
                </label>
              ))}
            </div>
            {errors?.distribution ? <p className="field-error">{errors.distribution[0]}</p> : null}
          </fieldset>
          <TextField
            label="Reminders after (days)"
            name="reminderDays"
            placeholder="3, 7"
            defaultValue={value("reminderDays", wave.reminder_days.join(", "))}
            errors={errors?.reminderDays}
            hint={
              smtp
                ? "Sent by email to everyone invited, with a thank-you for those who already answered: picking out who has not would mean knowing who has."
                : "Reminders are sent by email, and this installation has no email server yet."
            }
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="timeZone" value={timeZone} />
            <TextField key={`opens-${timeZone}`} label={`Opens (${zoneLabel}, optional)`} name="opensAt" type="datetime-local" defaultValue={value("opensAt", toDateTimeInput(wave.opens_at, timeZone))} errors={errors?.opensAt} hint="Set it, then choose Schedule on the survey page." />
            <TextField key={`closes-${timeZone}`} label={`Closes (${zoneLabel}, optional)`} name="closesAt" type="datetime-local" defaultValue={value("closesAt", toDateTimeInput(wave.closes_at, timeZone))} errors={errors?.closesAt} hint="Otherwise it stays open until you close it." />
          </div>
          <TextField
            label="Repeat every (weeks, optional)"
            name="repeatEveryWeeks"
            type="number"
            min={1}
            max={52}
            defaultValue={value("repeatEveryWeeks", repeatEveryWeeks ? String(repeatEveryWeeks) : "")}
            errors={errors?.repeatEveryWeeks}
            hint="The next wave is scheduled automatically with the same questions, so every chart can show the trend."
          />
          {wave.status === "scheduled" ? <Notice>Changing the opening time keeps the wave scheduled for the new time.</Notice> : null}
          <FormActions submit="Save settings" pending="Saving…" cancelTo={back} />
        </fieldset>
      </Form>
    </>
  );
}
