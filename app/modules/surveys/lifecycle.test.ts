import { describe, expect, it } from "vitest";
import { canEditQuestions, launchProblems, nextStatus } from "./lifecycle";
import { defaultQuestion } from "./questions";

describe("wave lifecycle", () => {
  it("allows draft → scheduled → open → closed, and scheduled back to draft", () => {
    expect(nextStatus("draft", "schedule")).toBe("scheduled");
    expect(nextStatus("draft", "open")).toBe("open");
    expect(nextStatus("scheduled", "open")).toBe("open");
    expect(nextStatus("scheduled", "unschedule")).toBe("draft");
    expect(nextStatus("open", "close")).toBe("closed");
  });

  it("refuses every other transition", () => {
    expect(nextStatus("draft", "close")).toBeUndefined();
    expect(nextStatus("draft", "unschedule")).toBeUndefined();
    expect(nextStatus("open", "open")).toBeUndefined();
    expect(nextStatus("open", "schedule")).toBeUndefined();
    expect(nextStatus("closed", "open")).toBeUndefined();
    expect(nextStatus("closed", "close")).toBeUndefined();
    expect(nextStatus("scheduled", "close")).toBeUndefined();
  });

  it("locks questions once a wave is open", () => {
    expect([canEditQuestions("draft"), canEditQuestions("scheduled"), canEditQuestions("open"), canEditQuestions("closed")]).toEqual([true, true, false, false]);
  });
});

describe("launchProblems", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const questions = [{ ...defaultQuestion("likert", "l1"), position: 1 }];
  const ready = { questions, audienceSize: 20, minGroupSize: 5, opensAt: null, closesAt: null, now };

  it("finds nothing wrong with a ready wave", () => {
    expect(launchProblems(ready)).toEqual([]);
  });

  it("refuses an audience smaller than k, which could never show a result", () => {
    expect(launchProblems({ ...ready, audienceSize: 4 })[0]).toMatch(/fewer than the minimum group size of 5/);
    expect(launchProblems({ ...ready, audienceSize: 0 })).toEqual(["The audience is empty: choose who is invited."]);
  });

  it("refuses times in the past or out of order", () => {
    expect(launchProblems({ ...ready, opensAt: new Date("2026-11-01T00:00:00Z") })).toEqual(["The opening time must be in the future."]);
    expect(launchProblems({ ...ready, closesAt: new Date("2026-11-24T11:00:00Z") })).toEqual(["The closing time must come after the opening."]);
  });

  it("refuses a questionnaire with problems", () => {
    expect(launchProblems({ ...ready, questions: [] })).toEqual(["Add at least one question."]);
  });
});
