/**
 * PageRank over the groups' choices, labelled for what it is (the truth rule).
 *
 * Respondents are anonymous, so every member of a group shares the group's choices, and whose
 * choices count for more can only be told group by group. On published organizational networks
 * that orders people close to, but not exactly as, an identified survey would (Spearman 0.94–0.95,
 * short of the 0.95 a figure needs to be shown as validated), so it is shown as approximate, with
 * the agreement it has. `npm run validate` checks this claim against every dataset on each run.
 */
export const INDIRECT_INFLUENCE_AGREEMENT = 0.93;

export const INDIRECT_INFLUENCE = {
  title: "Indirect influence (approximate)",
  column: "Indirect influence",
  description: `Higher for people chosen by groups whose own members are often chosen (PageRank over the groups' choices). Answers are anonymous, so this is approximate: on published organizational networks it ordered people close to how a named survey would (rank correlation of at least ${INDIRECT_INFLUENCE_AGREEMENT}), not exactly. Read it for who is broadly central, not for exact places.`,
} as const;

/** A plain rank instead of a four-decimal score: "3rd of 146". */
export function ordinal(rank: number): string {
  const lastTwo = rank % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[rank % 10] ?? "th";
  return `${rank}${suffix}`;
}
