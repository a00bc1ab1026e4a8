import { parseGroup, type GroupKind } from "~/modules/anonymity/groups";

/**
 * Blocks: the groups of released responses the dashboards show, each of at least k responses.
 *
 * Every response was released under a group in batches of at least k (anonymity/release.ts), so
 * every group with responses is a block. Groups short of k can only come from responses stored by
 * older versions; they are left out rather than shown. Every figure is a sum over whole blocks:
 * subtracting two published figures never isolates fewer than k responses.
 */

export type Block = { key: string; kind: GroupKind; department: string | null; managerId: string | null; responses: number };

export function formBlocks(groupCounts: ReadonlyMap<string, number>, k: number): Block[] {
  return [...groupCounts]
    .filter(([, responses]) => responses >= k)
    .map(([key, responses]) => ({ ...parseGroup(key), responses }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The block a person belongs to in the influence graph: their segment's, else their department's pool, else the organization's. */
export function memberBlock(segment: string, blockKeys: ReadonlySet<string>): string | null {
  if (blockKeys.has(segment)) return segment;
  const group = parseGroup(segment);
  const departmentPool = `pool:department:${group.department ?? ""}`;
  if (group.kind !== "organization" && blockKeys.has(departmentPool)) return departmentPool;
  return blockKeys.has("pool:organization") ? "pool:organization" : null;
}

export function blockLabel(block: Pick<Block, "kind" | "department" | "managerId">, names: ReadonlyMap<string, string>): string {
  switch (block.kind) {
    case "team":
      return `Team of ${block.managerId ? (names.get(block.managerId) ?? "a former manager") : "the top"}${block.department ? ` · ${block.department}` : ""}`;
    case "department":
      return `${block.department ?? "No department"}: smaller teams`;
    case "department-pool":
      return `${block.department ?? "No department"}: answers combined`;
    case "organization":
      return "Rest of the organization";
    case "organization-pool":
      return "Answers combined across the organization";
    case "open-link":
      return "Open link (unverified)";
  }
}
