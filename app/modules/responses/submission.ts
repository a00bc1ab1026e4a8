import type { QuestionKind } from "@db/schema";
import { LIMITS, type QuestionOptions } from "~/modules/surveys/questions";

/**
 * Reading a respondent's form. Pure: the caller checks nominees against the roster. Anything
 * that does not fit the questionnaire (an unknown question, a value out of range, too many
 * people) is an error with a message for the respondent, never a stored guess.
 */

export type FormQuestion = { id: string; kind: QuestionKind; prompt: string; description?: string | null; required: boolean; options: QuestionOptions };

export type Answer =
  | { questionId: string; kind: "number"; value: number }
  | { questionId: string; kind: "choices"; value: number[] }
  | { questionId: string; kind: "text"; value: string };

export type Nomination = { questionId: string; nomineeId: string };

export type SubmissionValues = Record<string, string[]>;

export type ReadSubmission =
  | { ok: true; answers: Answer[]; nominations: Nomination[] }
  | { ok: false; errors: Record<string, string>; values: SubmissionValues };

export const FORM_ERROR = "form";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ANSWER_FIELD = /^q-(.+)$/;
const NOMINATION_FIELD = /^n-(.+)$/;
const MORE_FIELD = /^more-(.+)$/;
/** Fields that belong to the page, not to answers. */
const PAGE_FIELDS = /^(intent|search-.+)$/;

export const answerField = (questionId: string) => `q-${questionId}`;
export const nominationField = (questionId: string) => `n-${questionId}`;
/** "I would name more people": ticked (value 1) or absent, for a nomination question with a limit. */
export const moreField = (questionId: string) => `more-${questionId}`;
export const searchField = (questionId: string) => `search-${questionId}`;
/** The query last searched for a question without JavaScript, so that Enter can tell which box is new. */
export const searchedField = (questionId: string) => `search-last-${questionId}`;

/** Most people a nomination question takes: its limit, or a ceiling that only bounds the form. */
export function nominationCeiling(options: QuestionOptions): number {
  return options.maxNominations ?? LIMITS.nominationsWithoutLimit;
}

export function collectValues(entries: Iterable<[string, FormDataEntryValue]>): SubmissionValues {
  const values: SubmissionValues = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    (values[name] ??= []).push(value);
  }
  return values;
}

export function readSubmission(questions: FormQuestion[], values: SubmissionValues): ReadSubmission {
  const errors: Record<string, string> = {};
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const name of Object.keys(values)) {
    const id = ANSWER_FIELD.exec(name)?.[1] ?? NOMINATION_FIELD.exec(name)?.[1] ?? MORE_FIELD.exec(name)?.[1];
    if (PAGE_FIELDS.test(name)) continue;
    const wellFormed = !MORE_FIELD.test(name) || (byId.get(id!)?.kind === "nomination" && values[name]!.length === 1 && values[name]![0] === "1");
    if (!id || !byId.has(id) || !wellFormed) errors[FORM_ERROR] = "This form does not match the survey any more. Reload the page and answer again.";
  }

  const answers: Answer[] = [];
  const nominations: Nomination[] = [];
  for (const question of questions) {
    const raw = (values[answerField(question.id)] ?? []).map((value) => value.trim()).filter((value) => value !== "");
    const fail = (message: string) => {
      errors[question.id] = message;
    };
    switch (question.kind) {
      case "likert":
      case "scale": {
        const [min, max] = question.kind === "likert" ? [1, 5] : [0, 10];
        if (raw.length === 0) {
          if (question.required) fail("Choose an answer.");
          break;
        }
        const value = Number(raw[0]);
        if (raw.length > 1 || !Number.isInteger(value) || value < min || value > max) fail(`Choose a value from ${min} to ${max}.`);
        else answers.push({ questionId: question.id, kind: "number", value });
        break;
      }
      case "single_choice":
      case "multiple_choice": {
        const count = question.options.choices?.length ?? 0;
        if (raw.length === 0) {
          if (question.required) fail(question.kind === "single_choice" ? "Choose an answer." : "Choose at least one answer.");
          break;
        }
        const indexes = raw.map(Number);
        if (indexes.some((index) => !Number.isInteger(index) || index < 0 || index >= count)) fail("Choose from the options given.");
        else if (question.kind === "single_choice" && indexes.length > 1) fail("Choose only one answer.");
        else if (new Set(indexes).size !== indexes.length) fail("Each option can be chosen once.");
        else answers.push({ questionId: question.id, kind: "choices", value: [...indexes].sort((a, b) => a - b) });
        break;
      }
      case "text": {
        const text = (values[answerField(question.id)] ?? []).join("\n").trim();
        const max = question.options.maxLength ?? 1000;
        if (!text) {
          if (question.required) fail("Write an answer.");
          break;
        }
        // Counted as people count characters, not as UTF-16 units.
        const length = [...text].length;
        if (length > max) fail(`Keep your answer under ${max.toLocaleString("en")} characters (it has ${length.toLocaleString("en")}).`);
        else answers.push({ questionId: question.id, kind: "text", value: text });
        break;
      }
      case "nomination": {
        const chosen = values[nominationField(question.id)] ?? [];
        const limit = question.options.maxNominations;
        const max = nominationCeiling(question.options);
        if (chosen.length === 0) {
          if (question.required) fail("Choose at least one person.");
          break;
        }
        if (chosen.some((id) => !UUID.test(id))) fail("One of the people chosen is not in the list. Choose again.");
        else if (new Set(chosen.map((id) => id.toLowerCase())).size !== chosen.length) fail("Each person can be chosen once.");
        else if (chosen.length > max) fail(`Choose at most ${max} ${max === 1 ? "person" : "people"}.`);
        else {
          for (const id of chosen) nominations.push({ questionId: question.id, nomineeId: id.toLowerCase() });
          // Augmented fixed choice: at the limit, whether the limit cut anyone out. Below it, or
          // without a limit, the question is not asked, so nothing is stored.
          if (limit !== undefined && chosen.length === limit) answers.push({ questionId: question.id, kind: "number", value: values[moreField(question.id)]?.[0] === "1" ? 1 : 0 });
        }
        break;
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, answers, nominations };
}
