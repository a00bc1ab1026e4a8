import { describe, expect, it } from "vitest";
import { readSubmission, type FormQuestion, type SubmissionValues } from "./submission";

const SELF = "00000000-0000-4000-8000-000000000001";
const P = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;

const questions: FormQuestion[] = [
  { id: "likert", kind: "likert", prompt: "L", required: true, options: {} },
  { id: "scale", kind: "scale", prompt: "S", required: true, options: {} },
  { id: "single", kind: "single_choice", prompt: "C", required: false, options: { choices: ["a", "b", "c"] } },
  { id: "multi", kind: "multiple_choice", prompt: "M", required: false, options: { choices: ["a", "b", "c"] } },
  { id: "text", kind: "text", prompt: "T", required: false, options: { maxLength: 10 } },
  { id: "nom", kind: "nomination", prompt: "N", required: false, options: { maxNominations: 2 } },
];

const valid: SubmissionValues = { "q-likert": ["4"], "q-scale": ["0"], "q-single": ["2"], "q-multi": ["2", "0"], "q-text": ["  héllo  "], "n-nom": [P(2), P(3)] };
const read = (values: SubmissionValues) => readSubmission(questions, values);
const errorsOf = (values: SubmissionValues) => {
  const result = read(values);
  return result.ok ? {} : result.errors;
};

describe("readSubmission", () => {
  it("reads every kind of answer", () => {
    expect(read(valid)).toEqual({
      ok: true,
      answers: [
        { questionId: "likert", kind: "number", value: 4 },
        { questionId: "scale", kind: "number", value: 0 },
        { questionId: "single", kind: "choices", value: [2] },
        { questionId: "multi", kind: "choices", value: [0, 2] },
        { questionId: "text", kind: "text", value: "héllo" },
      ],
      nominations: [
        { questionId: "nom", nomineeId: P(2) },
        { questionId: "nom", nomineeId: P(3) },
      ],
    });
  });

  it("lets optional questions be skipped and insists on required ones", () => {
    expect(errorsOf({})).toEqual({ likert: "Choose an answer.", scale: "Choose an answer." });
    expect(read({ "q-likert": ["1"], "q-scale": ["10"] }).ok).toBe(true);
  });

  it("refuses values out of range or not numbers", () => {
    expect(errorsOf({ ...valid, "q-likert": ["6"] }).likert).toBe("Choose a value from 1 to 5.");
    expect(errorsOf({ ...valid, "q-likert": ["0"] }).likert).toBe("Choose a value from 1 to 5.");
    expect(errorsOf({ ...valid, "q-scale": ["11"] }).scale).toBe("Choose a value from 0 to 10.");
    expect(errorsOf({ ...valid, "q-scale": ["5.5"] }).scale).toBe("Choose a value from 0 to 10.");
    expect(errorsOf({ ...valid, "q-likert": ["3", "4"] }).likert).toBe("Choose a value from 1 to 5.");
  });

  it("refuses choices that are not offered", () => {
    expect(errorsOf({ ...valid, "q-single": ["3"] }).single).toBe("Choose from the options given.");
    expect(errorsOf({ ...valid, "q-single": ["0", "1"] }).single).toBe("Choose only one answer.");
    expect(errorsOf({ ...valid, "q-multi": ["1", "1"] }).multi).toBe("Each option can be chosen once.");
    expect(errorsOf({ ...valid, "q-multi": ["b"] }).multi).toBe("Choose from the options given.");
  });

  it("counts text length in characters", () => {
    expect(read({ ...valid, "q-text": ["😀".repeat(10)] }).ok).toBe(true);
    expect(errorsOf({ ...valid, "q-text": ["x".repeat(11)] }).text).toBe("Keep your answer under 10 characters (it has 11).");
  });

  it("refuses duplicates, too many people and malformed ids (choosing oneself is dropped later, silently)", () => {
    expect(read({ ...valid, "n-nom": [SELF] }).ok).toBe(true);
    expect(errorsOf({ ...valid, "n-nom": [P(2), P(2)] }).nom).toBe("Each person can be chosen once.");
    expect(errorsOf({ ...valid, "n-nom": [P(2), P(3), P(4)] }).nom).toBe("Choose at most 2 people.");
    expect(errorsOf({ ...valid, "n-nom": ["1; drop table person"] }).nom).toBe("One of the people chosen is not in the list. Choose again.");
  });

  it("refuses fields for questions that are not in this survey", () => {
    expect(errorsOf({ ...valid, "q-other": ["1"] }).form).toMatch(/does not match the survey/);
    expect(errorsOf({ ...valid, "n-ghost": [P(5)] }).form).toMatch(/does not match the survey/);
    expect(read({ ...valid, intent: ["submit"], "search-nom": ["ali"] }).ok).toBe(true);
  });

  it("keeps what was entered for showing the form again", () => {
    const result = read({ ...valid, "q-likert": ["9"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.values["q-text"]).toEqual(["  héllo  "]);
  });
});
