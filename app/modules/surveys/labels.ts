import type { WaveStatus } from "@db/schema";

/** Words that pages show, apart from the survey rules (and their zod schemas), so a page's JavaScript carries only the words. */
export const STATUS_LABEL: Record<WaveStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  open: "Open",
  closed: "Closed",
};

export const LIKERT_LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;
