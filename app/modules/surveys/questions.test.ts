import { describe, expect, it } from "vitest";
import { applyQuestionForm, defaultQuestion, nextQuestionKey, nominationHelp, QuestionForm, questionProblems, surveyProblems, type QuestionDefinition } from "./questions";
import { constructChoiceProblems } from "./questions";

const question = (overrides: Partial<QuestionDefinition> = {}): QuestionDefinition => ({ ...defaultQuestion("likert", "q1"), prompt: "Statement", ...overrides });
const messages = (q: QuestionDefinition) => questionProblems(q).map((problem) => `${problem.field}: ${problem.message}`);

describe("question rules", () => {
  it("accepts every kind's defaults", () => {
    for (const kind of ["likert", "scale", "single_choice", "multiple_choice", "text", "nomination"] as const) {
      expect(questionProblems(defaultQuestion(kind, `${kind}_1`)), kind).toEqual([]);
    }
  });

  it("lets a nomination question allow 1 to 50 people, or set no limit", () => {
    for (const maxNominations of [0, -1, 51, 2.5, Number.NaN]) {
      expect(messages(question({ kind: "nomination", options: { maxNominations } }))).toEqual(["maxNominations: Allow between 1 and 50 people, or choose no limit."]);
    }
    for (const maxNominations of [1, 25, 50]) expect(messages(question({ kind: "nomination", options: { maxNominations } }))).toEqual([]);
    expect(messages(question({ kind: "nomination", options: {} }))).toEqual([]);
    expect(defaultQuestion("nomination", "n1").options).toEqual({});
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
      "Question 2: Allow between 1 and 50 people, or choose no limit.",
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

  it("reads the choice of no limit, or of a limit, for a nomination question", () => {
    const limited = { ...defaultQuestion("nomination", "n1"), options: { maxNominations: 5 } };
    const apply = (form: Record<string, string>) => applyQuestionForm(limited, QuestionForm.parse({ prompt: "Who?", ...form })).options;
    expect(apply({ nominationLimit: "none", maxNominations: "5" })).toEqual({});
    expect(apply({ nominationLimit: "limit", maxNominations: "25" })).toEqual({ maxNominations: 25 });
    expect(apply({ maxNominations: "7" })).toEqual({ maxNominations: 7 });
    expect(apply({})).toEqual({ maxNominations: 5 });
    // A limit chosen without a number is a mistake to show, not a silent "no limit".
    expect(questionProblems({ ...limited, options: apply({ nominationLimit: "limit", maxNominations: "" }) }).map((problem) => problem.field)).toEqual(["maxNominations"]);
  });

  it("reads choices one per line, ignoring blank lines", () => {
    const form = QuestionForm.parse({ prompt: "Pick", choices: "One\r\n\r\n Two \n", required: undefined });
    expect(applyQuestionForm(defaultQuestion("single_choice", "c1"), form).options.choices).toEqual(["One", "Two"]);
  });

  it("picks the next free key for a kind", () => {
    expect(nextQuestionKey("likert", ["likert_1", "likert_2", "text_1"])).toBe("likert_3");
  });
});

describe("a nomination question's help text", () => {
  it("states the question's real limit, replacing a limit written for another one", () => {
    expect(nominationHelp("Choose up to three people. They will never see that you chose them.", 5)).toBe("Choose up to 5 people. They will never see that you chose them.");
    expect(nominationHelp("Choose as many people as you like. They will never see that you chose them.", 2)).toBe("Choose up to 2 people. They will never see that you chose them.");
    expect(nominationHelp("Choose up to five people.", undefined)).toBe("Choose as many people as you like.");
    expect(nominationHelp("choose at most 4 people! Think of last month.", 1)).toBe("Choose one person. Think of last month.");
  });

  it("adds the limit to a help text that does not state it, and keeps the rest as written", () => {
    expect(nominationHelp(null, 3)).toBe("Choose up to 3 people.");
    expect(nominationHelp("Think of the last month.", undefined)).toBe("Choose as many people as you like. Think of the last month.");
    expect(nominationHelp("Choose wisely. Nobody is told.", 3)).toBe("Choose up to 3 people. Choose wisely. Nobody is told.");
  });
});

describe("constructChoiceProblems", () => {
  it("accepts a construct from the list, none, or a custom one the wave already uses; refuses a free-typed one", () => {
    expect(constructChoiceProblems([], "authority.earned")).toEqual([]);
    expect(constructChoiceProblems([], null)).toEqual([]);
    expect(constructChoiceProblems(["team.trust", null], "team.trust")).toEqual([]);
    expect(constructChoiceProblems(["team.trust"], "authority.earnd")).toHaveLength(1);
  });
});
