import { describe, expect, it } from "vitest";
import { moreField, nominationField, readSubmission, type FormQuestion, type SubmissionValues } from "./submission";

const SELF = "00000000-0000-4000-8000-000000000001";
const P = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const questions: FormQuestion[] = [
  { id: "likert", kind: "likert", prompt: "L", required: true, options: {} },
  { id: "scale", kind: "scale", prompt: "S", required: true, options: {} },
  { id: "single", kind: "single_choice", prompt: "C", required: false, options: { choices: ["a", "b", "c"] } },
  { id: "multi", kind: "multiple_choice", prompt: "M", required: false, options: { choices: ["a", "b", "c"] } },
  { id: "text", kind: "text", prompt: "T", required: false, options: { maxLength: 10 } },
  { id: "nom", kind: "nomination", prompt: "N", required: false, options: { maxNominations: 2 } },
];

const valid: SubmissionValues = { "q-likert": ["4"], "q-scale": ["0"], "q-single": ["2"], "q-multi": ["2", "0"], "q-text": ["  héllo  "], "n-nom": [P(2), P(3)], "more-nom": ["1"] };
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
        { questionId: "nom", kind: "number", value: 1 },
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
    expect(errorsOf({ ...valid, "more-ghost": ["1"] }).form).toMatch(/does not match the survey/);
    expect(errorsOf({ ...valid, "more-likert": ["1"] }).form).toMatch(/does not match the survey/);
    expect(errorsOf({ ...valid, "more-nom": ["yes"] }).form).toMatch(/does not match the survey/);
    expect(errorsOf({ ...valid, "more-nom": ["1", "1"] }).form).toMatch(/does not match the survey/);
    expect(read({ ...valid, intent: ["submit"], "search-nom": ["ali"], "search-last-nom": ["al"] }).ok).toBe(true);
  });

  it("keeps what was entered for showing the form again", () => {
    const result = read({ ...valid, "q-likert": ["9"] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.values["q-text"]).toEqual(["  héllo  "]);
  });

  describe("nomination limits", () => {
    const nomination = (id: string, maxNominations?: number): FormQuestion => ({ id, kind: "nomination", prompt: id, required: false, options: maxNominations === undefined ? {} : { maxNominations } });
    const people = (count: number, from = 1) => Array.from({ length: count }, (_, i) => P(from + i));
    const limited = [nomination("five", 5), nomination("open")];
    const readLimited = (values: SubmissionValues) => readSubmission(limited, values);

    it("takes any number of people up to the ceiling when a question has no limit", () => {
      const result = readLimited({ [nominationField("open")]: people(25) });
      expect(result.ok && result.nominations).toHaveLength(25);
      expect(readLimited({ [nominationField("open")]: people(200) }).ok).toBe(true);
      const over = readLimited({ [nominationField("open")]: people(201) });
      expect(over.ok ? null : over.errors.open).toBe("Choose at most 200 people.");
    });

    it("holds a question to its own limit, whatever the others allow", () => {
      expect(readLimited({ [nominationField("five")]: people(5) }).ok).toBe(true);
      const over = readLimited({ [nominationField("five")]: people(6), [nominationField("open")]: people(30) });
      expect(over.ok ? null : over.errors).toEqual({ five: "Choose at most 5 people." });
      const one = readSubmission([nomination("one", 1)], { [nominationField("one")]: people(2) });
      expect(one.ok ? null : one.errors.one).toBe("Choose at most 1 person.");
    });

    it("lets the same person be chosen in every question, but only once in each", () => {
      const same = { [nominationField("five")]: [P(7)], [nominationField("open")]: [P(7)] };
      const result = readLimited(same);
      expect(result.ok && result.nominations).toEqual([
        { questionId: "five", nomineeId: P(7) },
        { questionId: "open", nomineeId: P(7) },
      ]);
      const twice = readLimited({ [nominationField("open")]: [P(7), P(7).toUpperCase()] });
      expect(twice.ok ? null : twice.errors.open).toBe("Each person can be chosen once.");
    });

    it("records “I would name more people” only for a question with a limit, chosen up to it", () => {
      const answersOf = (values: SubmissionValues) => {
        const result = readLimited(values);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        return result.answers;
      };
      // At the limit: ticked is 1, not ticked is 0.
      expect(answersOf({ [nominationField("five")]: people(5), [moreField("five")]: ["1"] })).toEqual([{ questionId: "five", kind: "number", value: 1 }]);
      expect(answersOf({ [nominationField("five")]: people(5) })).toEqual([{ questionId: "five", kind: "number", value: 0 }]);
      // Below the limit, the box means nothing; nothing is stored either way.
      expect(answersOf({ [nominationField("five")]: people(4), [moreField("five")]: ["1"] })).toEqual([]);
      expect(answersOf({ [moreField("five")]: ["1"] })).toEqual([]);
      // No limit: there is no box to tick, and a tampered one is ignored.
      expect(answersOf({ [nominationField("open")]: people(5), [moreField("open")]: ["1"] })).toEqual([]);
      // Over the limit is an error, not an answer.
      expect(readLimited({ [nominationField("five")]: people(6), [moreField("five")]: ["1"] }).ok).toBe(false);
    });
  });
});
