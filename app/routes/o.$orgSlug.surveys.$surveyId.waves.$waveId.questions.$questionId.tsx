import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { FormActions, FormError, TextAreaField, TextField } from "~/components/forms";
import { Breadcrumb, Notice, PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { formValues, type FieldErrors } from "~/modules/forms";
import { notFound, requireFormData, requireId } from "~/modules/http.server";
import { canEditQuestions } from "~/modules/surveys/lifecycle";
import { applyQuestionForm, constructChoiceProblems, KIND_LABEL, NEW_CONSTRUCT, LIMITS, QuestionForm, questionProblems } from "~/modules/surveys/questions";
import { KNOWN_CONSTRUCTS } from "~/modules/surveys/constructs";
import { listQuestions, updateQuestion } from "~/modules/surveys/surveys.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

export const meta: MetaFunction = () => [{ title: "Edit question · Earned" }];

async function loadQuestion(request: Request, params: Record<string, string | undefined>) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const questionId = requireId(params.questionId);
  const questions = await listQuestions(db, member.orgId, wave.id);
  const question = questions.find((q) => q.id === questionId);
  if (!question) throw notFound();
  return { member, wave, question, constructsInWave: [...new Set(questions.map((q) => q.construct).filter((c): c is string => c !== null))] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, wave, question, constructsInWave } = await loadQuestion(request, params);
  return { constructsInWave, orgSlug: member.orgSlug, wave: { id: wave.id, number: wave.number, surveyId: wave.surveyId, surveyName: wave.surveyName, editable: canEditQuestions(wave.status) }, question };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, wave, question, constructsInWave } = await loadQuestion(request, params);
  const values = formValues(await requireFormData(request));
  const typedNew = values.construct === NEW_CONSTRUCT;
  const parsed = QuestionForm.safeParse({ ...values, construct: typedNew ? values.newConstruct : values.construct });
  if (!parsed.success) return data({ errors: { form: ["Some values could not be read. Check the numbers."] } as FieldErrors, values }, { status: 400 });
  const updated = applyQuestionForm(question, parsed.data);
  const problems = [...questionProblems(updated), ...(typedNew ? [] : constructChoiceProblems(constructsInWave, updated.construct))];
  if (problems.length > 0) {
    const errors: FieldErrors = {};
    for (const problem of problems) (errors[problem.field] ??= []).push(problem.message);
    return data({ errors, values }, { status: 400 });
  }
  const outcome = await updateQuestion(db, member.orgId, wave.id, question.id, updated);
  if (outcome === "not-found") throw notFound();
  if (outcome === "locked") return data({ errors: { form: ["This wave has opened; its questions are locked."] } as FieldErrors, values }, { status: 409 });
  return redirect(`/o/${member.orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`);
}

export default function EditQuestion() {
  const { orgSlug, wave, question, constructsInWave } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const value = (key: string, fallback: string) => (result ? (result.values[key] ?? "") : fallback);
  const knownTags = new Set<string>(KNOWN_CONSTRUCTS.map((c) => c.tag));
  const back = `/o/${orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`;
  return (
    <>
      <Breadcrumb to={back}>
        {wave.surveyName}, wave {wave.number}
      </Breadcrumb>
      <PageHeader title="Edit question" description={KIND_LABEL[question.kind]} />
      {wave.editable ? null : (
        <div className="mb-4">
          <Notice tone="warning">This wave has opened, so its questions are locked.</Notice>
        </div>
      )}
      <Form method="post" className="card max-w-3xl space-y-5 p-6" noValidate>
        <FormError errors={errors?.form} />
        <fieldset disabled={!wave.editable} className="space-y-5">
          <TextAreaField label="Question" name="prompt" rows={3} maxLength={LIMITS.prompt} defaultValue={value("prompt", question.prompt)} errors={errors?.prompt} />
          <TextField label="Help text (optional)" name="description" maxLength={LIMITS.description} defaultValue={value("description", question.description ?? "")} errors={errors?.description} />
          {question.kind === "single_choice" || question.kind === "multiple_choice" ? (
            <TextAreaField
              label="Options, one per line"
              name="choices"
              rows={5}
              defaultValue={value("choices", (question.options.choices ?? []).join("\n"))}
              errors={errors?.choices}
            />
          ) : null}
          {question.kind === "nomination" ? (
            <NominationLimitField
              limited={result ? result.values.nominationLimit !== "none" : question.options.maxNominations !== undefined}
              max={value("maxNominations", question.options.maxNominations === undefined ? "" : String(question.options.maxNominations))}
              errors={errors?.maxNominations}
            />
          ) : null}
          {question.kind === "text" ? (
            <TextField
              label="Length limit (characters)"
              name="maxLength"
              type="number"
              min={1}
              max={LIMITS.textLength}
              defaultValue={value("maxLength", String(question.options.maxLength ?? 1000))}
              errors={errors?.maxLength}
            />
          ) : null}
          <div>
            <label htmlFor="construct" className="label">
              Construct
            </label>
            <select
              id="construct"
              name="construct"
              className="input mt-1"
              defaultValue={value("construct", question.construct ?? "")}
              aria-describedby={errors?.construct ? "construct-hint construct-error" : "construct-hint"}
              aria-invalid={errors?.construct ? true : undefined}
            >
              <option value="">None</option>
              {KNOWN_CONSTRUCTS.map((construct) => (
                <option key={construct.tag} value={construct.tag}>
                  {construct.label}
                </option>
              ))}
              {constructsInWave
                .filter((tag) => !knownTags.has(tag))
                .map((tag) => (
                  <option key={tag} value={tag}>
                    Custom: {tag}
                  </option>
                ))}
              <option value={NEW_CONSTRUCT}>A new custom construct…</option>
            </select>
            <p id="construct-hint" className="hint">
              Dashboards group questions by construct: every question with the same one counts together.
            </p>
            {errors?.construct ? (
              <p id="construct-error" className="field-error">
                {errors.construct.join(" ")}
              </p>
            ) : null}
          </div>
          <TextField
            label="New construct tag"
            name="newConstruct"
            defaultValue={value("newConstruct", "")}
            hint="Only with “A new custom construct” above: lower-case words joined by dots, like team.trust."
            autoComplete="off"
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="required" defaultChecked={result ? result.values.required === "on" : question.required} />
            Answer required
          </label>
          <FormActions submit="Save question" pending="Saving…" cancelTo={back} />
        </fieldset>
      </Form>
    </>
  );
}

/**
 * No limit, or at most a number: two radio buttons, so that either works without JavaScript.
 * Typing a number chooses the limit when the page has JavaScript.
 */
function NominationLimitField({ limited, max, errors }: { limited: boolean; max: string; errors?: string[] }) {
  const [mode, setMode] = useState(limited ? "limit" : "none");
  const describedBy = ["maxNominations-hint", errors?.length ? "maxNominations-error" : null].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="label">How many people may a respondent choose?</legend>
      <div className="mt-2 space-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="nominationLimit" value="none" checked={mode === "none"} onChange={() => setMode("none")} className="h-4 w-4" />
          No limit
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">
            <input type="radio" name="nominationLimit" value="limit" checked={mode === "limit"} onChange={() => setMode("limit")} className="h-4 w-4" />
            At most
          </label>
          <label htmlFor="maxNominations" className="sr-only">
            Most people a respondent may choose
          </label>
          <input
            id="maxNominations"
            name="maxNominations"
            type="number"
            min={1}
            max={LIMITS.maxNominations}
            defaultValue={max}
            placeholder="25"
            onFocus={() => setMode("limit")}
            aria-invalid={errors?.length ? true : undefined}
            className="input w-24"
          />
          <span>people (1 to {LIMITS.maxNominations})</span>
        </div>
      </div>
      <p id="maxNominations-hint" className="hint">
        No limit suits most questions: a limit leaves out people respondents meant to name and skews the network figures. With a limit,
        respondents can say they would name more. The help text always opens with the limit set here (a first sentence stating another
        limit is replaced). Respondents pick from the people around them as a list, or search for anyone; the same person may be chosen in
        every question.
      </p>
      {errors?.length ? (
        <p id="maxNominations-error" className="field-error">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
