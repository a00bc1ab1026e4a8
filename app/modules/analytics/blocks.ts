import { parseSegment } from "~/modules/anonymity/segments";

/**
 * Blocks: the smallest groups of responses the dashboards ever show, each of at least k.
 *
 * Responses carry a segment (a team, the rest of a department, or the rest of the organization;
 * see segments.ts). A segment with at least k responses is a block of its own. Segments with
 * fewer are pooled: per department into "other teams in D" when that reaches k, otherwise into
 * one organization-wide pool. If that pool is still short of k, the smallest blocks are merged
 * into it until it is not (complementary suppression at the roll-up).
 *
 * Every figure Earned publishes is a sum over whole blocks. Since each block holds at least k
 * responses, no subtraction of published figures — across departments, teams, leaders'
 * subtrees or network edges — can isolate fewer than k responses.
 */

export type BlockKind = "team" | "department" | "organization" | "other-teams" | "other-groups";

export type Block = {
  key: string;
  kind: BlockKind;
  department: string | null;
  /** The team's manager, for team blocks: what places a block inside a leader's subtree. */
  managerId: string | null;
  segments: string[];
  responses: number;
};

export type SegmentCount = { segment: string; responses: number };

export const UNVERIFIED = "unverified";
const ORGANIZATION_POOL = "pool:organization";

export function formBlocks(counts: SegmentCount[], k: number): { blocks: Block[]; blockOf: Map<string, string> } {
  const blocks = new Map<string, Block>();
  const departmentPools = new Map<string, SegmentCount[]>();
  const organizationPool: SegmentCount[] = [];

  for (const count of counts) {
    if (count.responses === 0) continue;
    const parsed = count.segment === UNVERIFIED ? undefined : parseSegment(count.segment);
    if (parsed && count.responses >= k) {
      blocks.set(`segment:${count.segment}`, {
        key: `segment:${count.segment}`,
        kind: parsed.kind,
        department: parsed.kind === "organization" ? null : parsed.department,
        managerId: parsed.kind === "team" ? parsed.managerId : null,
        segments: [count.segment],
        responses: count.responses,
      });
    } else if (parsed && parsed.kind !== "organization") {
      const department = parsed.department ?? "";
      departmentPools.set(department, [...(departmentPools.get(department) ?? []), count]);
    } else {
      organizationPool.push(count);
    }
  }

  for (const [department, pooled] of departmentPools) {
    const responses = pooled.reduce((sum, count) => sum + count.responses, 0);
    if (responses >= k) {
      const key = `pool:department:${department}`;
      blocks.set(key, { key, kind: "other-teams", department: department || null, managerId: null, segments: pooled.map((c) => c.segment), responses });
    } else {
      organizationPool.push(...pooled);
    }
  }

  let poolResponses = organizationPool.reduce((sum, count) => sum + count.responses, 0);
  if (poolResponses > 0) {
    const pool: Block = { key: ORGANIZATION_POOL, kind: "other-groups", department: null, managerId: null, segments: organizationPool.map((c) => c.segment), responses: poolResponses };
    // Smallest first, pooled departments before teams: as much detail as possible survives.
    const candidates = [...blocks.values()].sort(
      (a, b) => Number(a.kind === "team") - Number(b.kind === "team") || a.responses - b.responses || a.key.localeCompare(b.key),
    );
    for (const candidate of candidates) {
      if (poolResponses >= k) break;
      pool.segments.push(...candidate.segments);
      poolResponses += candidate.responses;
      blocks.delete(candidate.key);
    }
    pool.responses = poolResponses;
    if (poolResponses >= k) blocks.set(pool.key, pool);
  }

  const blockOf = new Map<string, string>();
  for (const block of blocks.values()) for (const segment of block.segments) blockOf.set(segment, block.key);
  return { blocks: [...blocks.values()], blockOf };
}

/**
 * The block a segment belongs to for drawing the network, also when it has no responses:
 * its own block, else its department's pool, else the organization's pool.
 */
export function blockForSegment(segment: string, blockOf: Map<string, string>, blockKeys: Set<string>): string | null {
  const direct = blockOf.get(segment);
  if (direct) return direct;
  const parsed = parseSegment(segment);
  if (parsed.kind !== "organization") {
    const departmentPool = `pool:department:${parsed.department ?? ""}`;
    if (blockKeys.has(departmentPool)) return departmentPool;
  }
  return blockKeys.has(ORGANIZATION_POOL) ? ORGANIZATION_POOL : null;
}
