import { describe, expect, it } from "vitest";
import { applyQuestionForm, defaultQuestion, nextQuestionKey, QuestionForm, questionProblems, surveyProblems, type QuestionDefinition } from "./questions";

const question = (overrides: Partial<QuestionDefinition> = {}): QuestionDefinition => ({ ...defaultQuestion("likert", "q1"), prompt: "Statement", ...overrides });
const messages = (q: QuestionDefinition) => questionProblems(q).map((problem) => `${problem.field}: ${problem.message}`);

describe("question rules", () => {
  it("accepts every kind's defaults", () => {
    for (const kind of ["likert", "scale", "single_choice", "multiple_choice", "text", "nomination"] as const) {
      expect(questionProblems(defaultQuestion(kind, `${kind}_1`)), kind).toEqual([]);
    }
  });

  it("refuses a nomination question allowing fewer than 1 or more than 10 people", () => {
    for (const maxNominations of [0, -1, 11, 2.5]) {
      expect(messages(question({ kind: "nomination", options: { maxNominations } }))).toEqual(["maxNominations: Allow between 1 and 10 people."]);
    }
    expect(messages(question({ kind: "nomination", options: {} }))).toEqual(["maxNominations: Allow between 1 and 10 people."]);
  });

  it("refuses choice questions without two distinct, non-empty options", () => {
    expect(messages(question({ kind: "single_choice", options: { choices: [] } }))).toEqual(["choices: Give at least two options."]);
    expect(messages(question({ kind: "multiple_choice", options: { choices: ["Yes"] } }))).toEqual(["choices: Give at least two options."]);
    expect(messages(question({ kind: "single_choice", options: { choices: ["Yes", "yes "] } }))).toEqual(["choices: Each option must be different."]);
    expect(messages(question({ kind: "single_choice", options: { choices: ["Yes", " "] } }))).toContain("choices: Options cannot be empty.");
  });

  it("refuses empty or overlong wording, bad keys, bad tags and text limits", () => {
    expect(messages(question({ prompt: "  " }))).toEqual(["prompt: Write the question."]);
    expect(messages(question({ prompt: "x".repeat(301) }))).toEqual(["prompt: Keep the question under 300 characters."]);
    expect(messages(question({ key: "Has Spaces" }))).toEqual(["key: The question key must be lower-case letters, digits, - or _."]);
    expect(messages(question({ construct: "Trust!" }))).toEqual(["construct: A construct tag is lower-case words joined by dots or underscores, like team.trust."]);
    expect(messages(question({ kind: "text", options: { maxLength: 0 } }))).toEqual(["maxLength: The length limit must be between 1 and 5,000 characters."]);
    expect(messages(question({ construct: "team.trust" }))).toEqual([]);
  });
});

describe("surveyProblems", () => {
  it("needs at least one question", () => {
    expect(surveyProblems([])).toEqual(["Add at least one question."]);
  });

  it("refuses duplicate positions and keys", () => {
    expect(surveyProblems([{ ...question({ key: "a" }), position: 1 }, { ...question({ key: "a" }), position: 1 }])).toEqual([
      "Two questions share position 1.",
      "Two questions share the key “a”.",
    ]);
  });

  it("names the question a problem belongs to", () => {
    expect(surveyProblems([{ ...question({ key: "a" }), position: 1 }, { ...question({ key: "b", kind: "nomination", options: { maxNominations: 0 } }), position: 2 }])).toEqual([
      "Question 2: Allow between 1 and 10 people.",
    ]);
  });
});

describe("the builder's form", () => {
  it("keeps only the options that belong to the kind", () => {
    const form = QuestionForm.parse({ prompt: "Who?", description: "", required: "on", construct: "Followership", choices: "a\nb", maxNominations: "4", maxLength: "9" });
    const updated = applyQuestionForm(defaultQuestion("nomination", "n1"), form);
    expect(updated).toMatchObject({ prompt: "Who?", description: null, required: true, construct: "followership", options: { maxNominations: 4 } });
    expect(updated.options).not.toHaveProperty("choices");
  });

  it("reads choices one per line, ignoring blank lines", () => {
    const form = QuestionForm.parse({ prompt: "Pick", choices: "One\r\n\r\n Two \n", required: undefined });
    expect(applyQuestionForm(defaultQuestion("single_choice", "c1"), form).options.choices).toEqual(["One", "Two"]);
  });

  it("picks the next free key for a kind", () => {
    expect(nextQuestionKey("likert", ["likert_1", "likert_2", "text_1"])).toBe("likert_3");
  });
});
