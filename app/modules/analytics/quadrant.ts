/**
 * The positional-vs-earned quadrant: formal authority (x) against earned influence (y).
 *
 * One rule for everyone, the same in every view, defensible in one sentence to the person it
 * places. Managers are judged against what their role implies — the size of their own team —
 * rather than against a cut of the whole organization: a manager is a leader with authority when
 * at least half as many people choose to follow them as report to them directly. Someone without
 * reports is an informal leader when as many people choose to follow them as a typical manager
 * here has direct reports (and never fewer than three).
 */

export type QuadrantKey = "leader-with-authority" | "informal-leader" | "positional-manager" | "contributor";

export const QUADRANTS: Record<QuadrantKey, { title: string; prompt: string }> = {
  "leader-with-authority": {
    title: "Leaders with authority",
    prompt: "Have a team, and at least half as many people choose to follow them as report to them. Worth asking: what do they do that others could learn from?",
  },
  "informal-leader": {
    title: "Informal leaders",
    prompt: "Chosen by as many people as a typical manager leads, without a formal team. Worth asking: are they recognised, and are they stretched too thin?",
  },
  "positional-manager": {
    title: "Positional managers",
    prompt: "Have a team, but fewer people choose to follow them than half its size, so far. A prompt for conversation and support, not a verdict: new managers, specialists and managers of remote teams often land here.",
  },
  contributor: {
    title: "Contributors",
    prompt: "Neither a team nor many nominations in this wave. Most people are here, and that is healthy.",
  },
};

export type QuadrantRule = { informalThreshold: number };

/** The informal-leader bar: the median team size of the organization's managers, at least 3. */
export function quadrantRule(people: readonly { directReports: number }[]): QuadrantRule {
  const spans = people.map((person) => person.directReports).filter((span) => span > 0).sort((a, b) => a - b);
  const median = spans.length === 0 ? 0 : spans[Math.floor((spans.length - 1) / 2)]!;
  return { informalThreshold: Math.max(3, median) };
}

export function quadrantOf(person: { directReports: number; primaryFollowers: number }, rule: QuadrantRule): QuadrantKey {
  if (person.directReports > 0) return person.primaryFollowers * 2 >= person.directReports ? "leader-with-authority" : "positional-manager";
  return person.primaryFollowers >= rule.informalThreshold ? "informal-leader" : "contributor";
}

export function quadrantSentence(rule: QuadrantRule, followersQuestion: string): string {
  return `A manager is a leader with authority when at least half as many people choose to follow them as report to them directly; otherwise a positional manager. Someone without reports is an informal leader when at least ${rule.informalThreshold} people choose to follow them — as many as a typical manager here leads — otherwise a contributor. ${followersQuestion}`;
}
