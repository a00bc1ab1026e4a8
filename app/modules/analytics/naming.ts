import type { Naming } from "@db/schema";
import type { PersonFigures, WaveAnalytics } from "./engine";
import { quadrantOf } from "./quadrant";

/**
 * Who appears by name on influence views (network, quadrant, people, person pages, exports).
 *
 *   - everyone;
 *   - formal roles (the default): people with direct reports. A manager's followership is part of
 *     the role and the point of the product; nobody else agreed to be assessed by name;
 *   - consent: people who chose to be named from their private report.
 *
 * Whatever the setting, a leader never sees non-managers named among the least chosen: contributors
 * without a formal role are anonymous points in a leader's view.
 *
 * An anonymous person keeps only what the point needs: their department and their figures. Their
 * id is replaced by a pseudonym for the snapshot, so views and exports stay consistent without a
 * key that the directory could turn back into a name.
 */

export type { Naming };

export const NAMINGS = ["formal-roles", "everyone", "consent"] as const satisfies readonly Naming[];

export const NAMING_LABEL: Record<Naming, { title: string; text: string }> = {
  everyone: { title: "Everyone", text: "Everyone appears by name on influence views." },
  "formal-roles": {
    title: "People with a formal role (default)",
    text: "Managers appear by name; everyone else appears as an anonymous point of their department. A manager's followership is part of the role; nobody else agreed to be assessed by name.",
  },
  consent: { title: "Only with consent", text: "People appear by name only if they agreed to from their private report; everyone else is an anonymous point of their department." },
};

export type NamingPolicy = { naming: Naming; consented: ReadonlySet<string>; viewer: "leader" | "analyst"; pseudonym: (personId: string) => string };

export function isNamed(person: Pick<PersonFigures, "id" | "directReports" | "primaryFollowers">, policy: NamingPolicy, rule: WaveAnalytics["quadrantRule"]): boolean {
  if (policy.viewer === "leader" && quadrantOf(person, rule) === "contributor") return false;
  if (policy.naming === "everyone") return true;
  if (policy.naming === "formal-roles") return person.directReports > 0;
  return policy.consented.has(person.id);
}

export function anonymousName(department: string | null): string {
  return department ? `Someone in ${department}` : "Someone";
}

/** The analytics as a viewer may see them: unnamed people anonymous everywhere, edges included. */
export function applyNaming(analytics: WaveAnalytics, policy: NamingPolicy): WaveAnalytics {
  const rename = new Map<string, string>();
  const people = analytics.people.map((person) => {
    if (isNamed(person, policy, analytics.quadrantRule)) return person;
    const id = policy.pseudonym(person.id);
    rename.set(person.id, id);
    return { ...person, id, name: anonymousName(person.department), title: null, managerId: null, level: null, followBack: null };
  });
  if (rename.size === 0) return analytics;
  const idOf = (id: string) => rename.get(id) ?? id;
  return {
    ...analytics,
    people,
    // A team named after an unnamed manager would name them.
    blocks: analytics.blocks.map((block) => (block.managerId && rename.has(block.managerId) ? { ...block, managerId: null, label: `A team${block.department ? ` in ${block.department}` : ""}` } : block)),
    edges: analytics.edges.map((edge) => ({ ...edge, personId: idOf(edge.personId) })),
    membership: analytics.membership.map((entry) => ({ ...entry, personId: idOf(entry.personId) })),
  };
}

export function isPseudonym(id: string): boolean {
  return id.startsWith("anonymous-");
}
