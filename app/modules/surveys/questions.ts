import { z } from "zod";
import type { QuestionKind } from "@db/schema";
import { KNOWN_CONSTRUCTS } from "./constructs";

export type { QuestionKind };

export const QUESTION_KINDS: { kind: QuestionKind; label: string; hint: string }[] = [
  { kind: "likert", label: "Agreement (1–5)", hint: "Strongly disagree to strongly agree" },
  { kind: "scale", label: "Scale (0–10)", hint: "For eNPS: how likely to recommend" },
  { kind: "single_choice", label: "Single choice", hint: "Pick one option" },
  { kind: "multiple_choice", label: "Multiple choice", hint: "Pick any options" },
  { kind: "text", label: "Free text", hint: "Optional comment, with a length limit" },
  { kind: "nomination", label: "Nomination", hint: "Choose people from the roster" },
];

export const KIND_LABEL = Object.fromEntries(QUESTION_KINDS.map((kind) => [kind.kind, kind.label])) as Record<QuestionKind, string>;

export { LIKERT_LABELS } from "./labels";

export const LIMITS = {
  prompt: 300,
  description: 500,
  choices: 20,
  choice: 100,
  /** The highest limit a nomination question may set; it may also have none. */
  maxNominations: 50,
  /** Most people one question may take without a limit: bounds the form, not the answer. */
  nominationsWithoutLimit: 200,
  textLength: 5_000,
  questions: 60,
} as const;

export type QuestionOptions = { choices?: string[]; maxNominations?: number; maxLength?: number };

/** A nomination question's limit as people read it; no limit is stored as no number. */
export function nominationLimitLabel(maxNominations: number | undefined): string {
  return maxNominations === undefined ? "no limit" : `up to ${maxNominations}`;
}

/** The sentence that tells a respondent a nomination question's limit. */
export function nominationLimitSentence(maxNominations: number | undefined): string {
  if (maxNominations === undefined) return "Choose as many people as you like.";
  return maxNominations === 1 ? "Choose one person." : `Choose up to ${maxNominations} people.`;
}

// A help text that opens by stating a limit ("Choose up to three people.", "Choose as many people
// as you like.") had it written for the limit the question had then.
const STATED_LIMIT = /^\s*choose\s+(?:up\s+to\b|as\s+many\b|any\s+number\b|one\s+person\b|at\s+most\b)[^.!]*[.!]\s*/i;

/**
 * A nomination question's help text as respondents read it: the sentence stating the limit always
 * follows the question's real limit, so an edited limit cannot leave the old number in the text.
 */
export function nominationHelp(description: string | null | undefined, maxNominations: number | undefined): string {
  const rest = (description ?? "").replace(STATED_LIMIT, "").trim();
  return rest ? `${nominationLimitSentence(maxNominations)} ${rest}` : nominationLimitSentence(maxNominations);
}

export type QuestionDefinition = {
  key: string;
  kind: QuestionKind;
  prompt: string;
  description: string | null;
  required: boolean;
  construct: string | null;
  options: QuestionOptions;
};

const CONSTRUCT = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const KEY = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Kind-specific rules, shared by the builder's form and the checks at launch. */
/**
 * The editor picks a construct from a list (the instrument's, and custom ones the wave's questions
 * already use), so that a typo cannot split a construct in two on the dashboards. A new custom
 * construct is typed in a field of its own, on purpose (NEW_CONSTRUCT).
 */
export const NEW_CONSTRUCT = "__new";

export function constructChoiceProblems(usedInWave: (string | null)[], chosen: string | null): { field: string; message: string }[] {
  const allowed = chosen === null || usedInWave.includes(chosen) || KNOWN_CONSTRUCTS.some((known) => known.tag === chosen);
  return allowed ? [] : [{ field: "construct", message: "Choose a construct from the list, or type a new one in its own field." }];
}

export function questionProblems(question: QuestionDefinition): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!question.prompt.trim()) add("prompt", "Write the question.");
  if (question.prompt.length > LIMITS.prompt) add("prompt", `Keep the question under ${LIMITS.prompt} characters.`);
  if ((question.description ?? "").length > LIMITS.description) add("description", `Keep the help text under ${LIMITS.description} characters.`);
  if (!KEY.test(question.key)) add("key", "The question key must be lower-case letters, digits, - or _.");
  if (question.construct !== null && (!CONSTRUCT.test(question.construct) || question.construct.length > 60)) {
    add("construct", "A construct tag is lower-case words joined by dots or underscores, like team.trust.");
  }
  const { choices, maxNominations, maxLength } = question.options;
  if (question.kind === "single_choice" || question.kind === "multiple_choice") {
    const list = choices ?? [];
    if (list.length < 2) add("choices", "Give at least two options.");
    if (list.length > LIMITS.choices) add("choices", `Give at most ${LIMITS.choices} options.`);
    if (list.some((choice) => !choice.trim())) add("choices", "Options cannot be empty.");
    if (list.some((choice) => choice.length > LIMITS.choice)) add("choices", `Keep each option under ${LIMITS.choice} characters.`);
    if (new Set(list.map((choice) => choice.trim().toLowerCase())).size !== list.length) add("choices", "Each option must be different.");
  }
  if (question.kind === "nomination" && maxNominations !== undefined) {
    if (!Number.isInteger(maxNominations) || maxNominations < 1 || maxNominations > LIMITS.maxNominations) {
      add("maxNominations", `Allow between 1 and ${LIMITS.maxNominations} people, or choose no limit.`);
    }
  }
  if (question.kind === "text") {
    if (!Number.isInteger(maxLength) || maxLength! < 1 || maxLength! > LIMITS.textLength) {
      add("maxLength", `The length limit must be between 1 and ${LIMITS.textLength.toLocaleString("en")} characters.`);
    }
  }
  return problems;
}

/** Checks a whole questionnaire, in order, as it would be launched. */
export function surveyProblems(questions: (QuestionDefinition & { position: number })[]): string[] {
  const problems: string[] = [];
  if (questions.length === 0) problems.push("Add at least one question.");
  if (questions.length > LIMITS.questions) problems.push(`A survey can have at most ${LIMITS.questions} questions.`);
  const positions = new Set<number>();
  const keys = new Set<string>();
  questions.forEach((question, index) => {
    if (positions.has(question.position)) problems.push(`Two questions share position ${question.position}.`);
    positions.add(question.position);
    if (keys.has(question.key)) problems.push(`Two questions share the key “${question.key}”.`);
    keys.add(question.key);
    for (const problem of questionProblems(question)) problems.push(`Question ${index + 1}: ${problem.message}`);
  });
  return problems;
}

export function defaultQuestion(kind: QuestionKind, key: string): QuestionDefinition {
  const base = { key, kind, description: null, required: kind !== "text" && kind !== "nomination", construct: null };
  switch (kind) {
    case "likert":
      return { ...base, prompt: "New agreement statement", options: {} };
    case "scale":
      return { ...base, prompt: "How likely are you to recommend working here to a friend?", construct: "engagement", options: {} };
    case "single_choice":
    case "multiple_choice":
      return { ...base, prompt: "New choice question", options: { choices: ["Option A", "Option B"] } };
    case "text":
      return { ...base, prompt: "Anything else you would like to add?", options: { maxLength: 1000 } };
    case "nomination":
      // No limit: a cap biases network figures, and people rarely name more than they mean.
      return { ...base, prompt: "Whom would you go to for …?", options: {} };
  }
}

/** A key not yet used in the wave, derived from the kind. */
export function nextQuestionKey(kind: QuestionKind, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const key = `${kind}_${n}`;
    if (!used.has(key)) return key;
  }
}

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The builder's edit form, as submitted (strings), turned into a definition's editable parts. */
export const QuestionForm = z.object({
  prompt: z.string().trim(),
  description: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null),
  required: checkbox,
  construct: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null)),
  choices: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean),
    ),
  /** "none" or "limit": the builder's explicit choice, so that no limit needs no JavaScript. */
  nominationLimit: z.enum(["none", "limit"]).optional(),
  maxNominations: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().optional()),
  maxLength: z.coerce.number().optional(),
});

export function applyQuestionForm(question: QuestionDefinition, form: z.infer<typeof QuestionForm>): QuestionDefinition {
  const options: QuestionOptions = {};
  if (question.kind === "single_choice" || question.kind === "multiple_choice") options.choices = form.choices ?? question.options.choices ?? [];
  if (question.kind === "nomination") {
    // The number alone (no choice sent) keeps working for older forms and scripts.
    const max = form.nominationLimit === "none" ? undefined : (form.maxNominations ?? (form.nominationLimit === "limit" ? Number.NaN : question.options.maxNominations));
    if (max !== undefined) options.maxNominations = max;
  }
  if (question.kind === "text") options.maxLength = form.maxLength ?? question.options.maxLength;
  return {
    ...question,
    prompt: form.prompt,
    description: form.description,
    required: form.required,
    construct: form.construct,
    options,
  };
}

/** Reads options stored as JSON, tolerating anything: the database is not trusted to be tidy. */
export function parseOptions(value: unknown): QuestionOptions {
  const raw = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const options: QuestionOptions = {};
  if (Array.isArray(raw.choices)) options.choices = raw.choices.filter((choice): choice is string => typeof choice === "string");
  if (typeof raw.maxNominations === "number") options.maxNominations = raw.maxNominations;
  if (typeof raw.maxLength === "number") options.maxLength = raw.maxLength;
  return options;
}

/** Template questions as stored in survey_template.questions. */
export function parseTemplateQuestions(value: unknown): QuestionDefinition[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw: Record<string, unknown>) => ({
    key: String(raw.key),
    kind: raw.kind as QuestionKind,
    prompt: String(raw.prompt),
    description: typeof raw.description === "string" ? raw.description : null,
    required: Boolean(raw.required),
    construct: typeof raw.construct === "string" ? raw.construct : null,
    options: parseOptions(raw.options),
  }));
}
