import type { WaveAnalytics } from "~/modules/analytics/engine";
import { isPseudonym } from "~/modules/analytics/naming";
import { quadrantOf, quadrantSentence, QUADRANTS } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare } from "~/modules/analytics/shares";
import { followersMeaning } from "./views";
import { shareNote } from "./labels";
import { personIndex } from "~/modules/analytics/person-index";

/**
 * The page a leader opens before a 1:1, for one wave: who chose this person on each question,
 * from which groups and departments (counts of whole groups of at least k answers, never people),
 * their formal position, their place in the quadrant with the rule that put them there, and what
 * is not shown and why. Pure: from the snapshot as this viewer may see it.
 */
export function personWaveView(analytics: WaveAnalytics, personId: string) {
  const index = personIndex(analytics);
  const person = index.people.get(personId);
  if (!person) return null;
  const primary = analytics.nominationQuestions.find((question) => question.primary) ?? null;
  const sources = (index.edgesTo.get(personId) ?? [])
    .map((edge) => ({ block: index.blocks.get(edge.block), followers: primary ? (edge.byQuestion[primary.id] ?? 0) : 0, all: edge.weight }))
    .filter((source) => source.block && source.all > 0)
    .map((source) => ({ group: source.block!.label, department: source.block!.department ?? "Across departments", followers: source.followers, all: source.all }))
    .sort((a, b) => b.followers - a.followers || b.all - a.all || a.group.localeCompare(b.group));
  const byDepartment = new Map<string, number>();
  for (const source of sources) byDepartment.set(source.department, (byDepartment.get(source.department) ?? 0) + source.followers);
  const visibleFollowers = sources.reduce((sum, source) => sum + source.followers, 0);
  const managerFigures = person.managerId ? index.people.get(person.managerId) : undefined;
  const manager = managerFigures && !isPseudonym(managerFigures.id) ? managerFigures : undefined;
  const quadrant = quadrantOf(person, analytics.quadrantRule);
  const earned = earnedShare(person.line, analytics.k);
  const followBack = person.followBack ? followBackShare(person.followBack, analytics.k) : null;
  const hidden: string[] = [];
  if (earned.shown === "no" && earned.reason !== "no-followers") hidden.push(`Earned share: ${shareNote(earned, analytics.k)}`);
  if (followBack?.shown === "no") hidden.push(`Follow-back: ${shareNote(followBack, analytics.k)}`);
  if (person.primaryFollowers > visibleFollowers) {
    const noise = analytics.noised ? " (or the difference is privacy noise)" : "";
    hidden.push(`${person.primaryFollowers - visibleFollowers} of their followers are in groups outside what you can see: a leader sees only the teams of their own part of the organization${noise}.`);
  }
  hidden.push(`Who chose them: answers are counted by group of at least ${analytics.k}, never by person; teams smaller than that count only inside a combined group.`);
  hidden.push("Comments are never linked to the people they mention or to who wrote them.");
  return {
    followersMeaning: followersMeaning(analytics),
    byQuestion: analytics.nominationQuestions.map((question) => ({ id: question.id, prompt: question.prompt, primary: question.primary, count: person.followers[question.id] ?? 0 })),
    sources,
    departments: [...byDepartment].map(([department, followers]) => ({ department, followers })).filter((row) => row.followers > 0).sort((a, b) => b.followers - a.followers || a.department.localeCompare(b.department)),
    formal: { title: person.title, department: person.department, manager: manager?.name ?? null, level: person.level, directReports: person.directReports, totalReports: person.totalReports },
    place: { quadrant, title: QUADRANTS[quadrant].title, prompt: QUADRANTS[quadrant].prompt, why: placementReason(person, analytics.quadrantRule), rule: quadrantSentence(analytics.quadrantRule, ""), stability: person.stability },
    earnedShare: earned,
    followBack,
    hidden,
    k: analytics.k,
  };
}

/** The rule, applied to this person in numbers. */
export function placementReason(person: { directReports: number; primaryFollowers: number }, rule: WaveAnalytics["quadrantRule"]): string {
  const followers = `${person.primaryFollowers} ${person.primaryFollowers === 1 ? "person chose" : "people chose"} to follow them`;
  if (person.directReports > 0) {
    const half = person.directReports / 2;
    const team = `${person.directReports} ${person.directReports === 1 ? "person reports" : "people report"} to them directly`;
    return person.primaryFollowers >= half ? `${team} and ${followers}: at least half the team's size (${half}), so a leader with authority.` : `${team} and ${followers}: fewer than half the team's size (${half}), so a positional manager for now.`;
  }
  return person.primaryFollowers >= rule.informalThreshold
    ? `No team reports to them and ${followers}: at least ${rule.informalThreshold}, as many as a typical manager here leads, so an informal leader.`
    : `No team reports to them and ${followers}: fewer than ${rule.informalThreshold}, so a contributor.`;
}
