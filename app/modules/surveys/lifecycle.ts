import type { WaveStatus } from "@db/schema";
import { groupSizeProblem } from "~/modules/anonymity/policy";
import { surveyProblems, type QuestionDefinition } from "./questions";

export type { WaveStatus };

export type WaveAction = "schedule" | "unschedule" | "open" | "close";

/** draft → scheduled → open → closed; a scheduled wave can go back to draft, or open early. */
const TRANSITIONS: Record<WaveStatus, Partial<Record<WaveAction, WaveStatus>>> = {
  draft: { schedule: "scheduled", open: "open" },
  scheduled: { unschedule: "draft", open: "open" },
  open: { close: "closed" },
  closed: {},
};

export function nextStatus(status: WaveStatus, action: WaveAction): WaveStatus | undefined {
  return TRANSITIONS[status][action];
}

/** Wording cannot change once answers can arrive: it would mix answers to different questions. */
export function canEditQuestions(status: WaveStatus): boolean {
  return status === "draft" || status === "scheduled";
}

// In labels.ts, so that a page showing a status loads no survey validation (zod) for it.
export { STATUS_LABEL } from "./labels";

export type LaunchCheck = {
  questions: (QuestionDefinition & { position: number })[];
  /** Null for an open-link wave, which has no personal invitations. */
  audienceSize: number | null;
  minGroupSize: number;
  opensAt: Date | null;
  closesAt: Date | null;
  now: Date;
};

/** Why a wave cannot open (or be scheduled) yet; empty when it can. */
export function launchProblems(check: LaunchCheck): string[] {
  const problems = surveyProblems(check.questions);
  const groupSize = groupSizeProblem(check.minGroupSize);
  if (groupSize) problems.push(groupSize);
  if (check.audienceSize === null) {
    // An open-link wave: answers count once k have come in through the link.
  } else if (check.audienceSize === 0) problems.push("The audience is empty: choose who is invited.");
  else if (check.audienceSize < check.minGroupSize) {
    problems.push(
      `The audience has ${check.audienceSize} ${check.audienceSize === 1 ? "person" : "people"}, fewer than the minimum group size of ${check.minGroupSize}: no result could ever be shown without exposing someone.`,
    );
  }
  if (check.opensAt && check.opensAt <= check.now) problems.push("The opening time must be in the future.");
  const start = check.opensAt ?? check.now;
  if (check.closesAt && check.closesAt <= start) problems.push("The closing time must come after the opening.");
  return problems;
}
