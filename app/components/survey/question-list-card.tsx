import { Form, Link } from "@remix-run/react";
import { KIND_LABEL, nominationLimitLabel, QUESTION_KINDS } from "~/modules/surveys/questions";
import type { SurveyPageQuestion, SurveyPageWave } from "./types";

type Props = { wave: SurveyPageWave; questions: SurveyPageQuestion[]; waveBase: string; wavePage: string; busy: boolean; confirmDelete: string | null };

/** The questionnaire: read-only once the wave opens, editable (order, delete, add) before. */
export function QuestionListCard({ wave, questions, waveBase, wavePage, busy, confirmDelete }: Props) {
  const waveInput = <input type="hidden" name="waveId" value={wave.id} />;
  return (
    <section className="card p-5" aria-labelledby="questions-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="questions-heading" className="font-semibold">
          Questions
        </h2>
        {wave.editable ? null : <span className="text-sm text-slate-600">Locked: answers are arriving for this wording.</span>}
      </div>
      {questions.length === 0 ? <p className="mt-3 text-sm text-slate-600">No questions yet. Add the first one below.</p> : null}
      <ol className="mt-3 divide-y divide-slate-100">
        {questions.map((question, index) => (
          <li key={question.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="min-w-0 max-w-3xl">
              <p className="font-medium">
                {index + 1}. {question.prompt}
              </p>
              <p className="mt-1 text-xs text-slate-600">
                {KIND_LABEL[question.kind]}
                {question.kind === "nomination" ? ` · ${nominationLimitLabel(question.options.maxNominations)}` : ""}
                {question.construct ? ` · ${question.construct}` : ""} · {question.required ? "required" : "optional"}
              </p>
            </div>
            {wave.editable ? (
              <div className="flex flex-wrap items-center gap-1">
                <Link to={`${waveBase}/questions/${question.id}`} className="btn-ghost" aria-label={`Edit question ${index + 1}`}>
                  Edit
                </Link>
                <Form method="post" className="flex gap-1">
                  {waveInput}
                  <input type="hidden" name="intent" value="move-question" />
                  <input type="hidden" name="questionId" value={question.id} />
                  <button type="submit" name="direction" value="up" className="btn-ghost" disabled={index === 0 || busy} aria-label={`Move question ${index + 1} up`}>
                    ↑
                  </button>
                  <button type="submit" name="direction" value="down" className="btn-ghost" disabled={index === questions.length - 1 || busy} aria-label={`Move question ${index + 1} down`}>
                    ↓
                  </button>
                </Form>
                {confirmDelete === question.id ? (
                  <Form method="post" className="flex gap-1">
                    {waveInput}
                    <input type="hidden" name="questionId" value={question.id} />
                    <button type="submit" name="intent" value="delete-question" className="btn-danger">
                      Delete question {index + 1}
                    </button>
                    <Link to={wavePage} className="btn-ghost">
                      Keep
                    </Link>
                  </Form>
                ) : (
                  <Link to={`${wavePage}&delete=${question.id}`} className="btn-ghost text-red-700" aria-label={`Delete question ${index + 1}`}>
                    Delete…
                  </Link>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {wave.editable ? (
        <Form method="post" className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-4">
          {waveInput}
          <input type="hidden" name="intent" value="add-question" />
          <div>
            <label htmlFor="kind" className="label">
              Add a question
            </label>
            <select id="kind" name="kind" className="input mt-1">
              {QUESTION_KINDS.map((kind) => (
                <option key={kind.kind} value={kind.kind}>
                  {kind.label} — {kind.hint}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary" disabled={busy}>
            Add
          </button>
        </Form>
      ) : null}
    </section>
  );
}
