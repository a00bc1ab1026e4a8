/**
 * Reference figures on an identified network: what an identified (non-anonymous) survey of the
 * same people would show. Pure, and written apart from the product's analytics on purpose, so
 * that a shared mistake cannot make the two agree.
 */

export type Edge = { source: string; target: string; weight?: number };
export type ManagerOf = ReadonlyMap<string, string | null>;

/** Ties received, counted once per naming person. */
export function inDegrees(nodes: readonly string[], edges: readonly Edge[]): Map<string, number> {
  const counts = new Map(nodes.map((id) => [id, 0]));
  const seen = new Set<string>();
  for (const { source, target } of edges) {
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}

/**
 * PageRank by power iteration with networkx's conventions (Page et al. 1999; networkx 3.x
 * `pagerank`): weighted out-edges, uniform teleport, dangling nodes' rank spread evenly. Damping
 * 0.85, as the product.
 */
export function pagerank(nodes: readonly string[], edges: readonly Edge[], { alpha = 0.85, tolerance = 1e-12, maxIterations = 1000 } = {}): Map<string, number> {
  const n = nodes.length;
  if (n === 0) return new Map();
  const index = new Map(nodes.map((id, i) => [id, i]));
  const outWeight = new Float64Array(n);
  const links: [number, number, number][] = [];
  for (const { source, target, weight = 1 } of edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || weight <= 0) continue;
    links.push([s, t, weight]);
    outWeight[s]! += weight;
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i]!;
    for (const [s, t, w] of links) next[t]! += (alpha * rank[s]! * w) / outWeight[s]!;
    const spread = (alpha * dangling + (1 - alpha)) / n;
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i]! += spread;
      change += Math.abs(next[i]! - rank[i]!);
    }
    rank = next;
    if (change < n * tolerance) break;
  }
  return new Map(nodes.map((id, i) => [id, rank[i]!]));
}

/**
 * Betweenness centrality of a directed, unweighted graph (Brandes 2001), normalized by
 * (n − 1)(n − 2) as networkx does for directed graphs. Not a figure the product can compute from
 * anonymous answers; measured to document how far its stand-in is from it.
 */
export function betweenness(nodes: readonly string[], edges: readonly Edge[]): Map<string, number> {
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const out: number[][] = nodes.map(() => []);
  const seen = new Set<string>();
  for (const { source, target } of edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || s === t || seen.has(`${s}>${t}`)) continue;
    seen.add(`${s}>${t}`);
    out[s]!.push(t);
  }
  const score = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const stack: number[] = [];
    const predecessors: number[][] = nodes.map(() => []);
    const paths = new Float64Array(n);
    const distance = new Int32Array(n).fill(-1);
    paths[s] = 1;
    distance[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      stack.push(v);
      for (const w of out[v]!) {
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          queue.push(w);
        }
        if (distance[w] === distance[v]! + 1) {
          paths[w]! += paths[v]!;
          predecessors[w]!.push(v);
        }
      }
    }
    const dependency = new Float64Array(n);
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of predecessors[w]!) dependency[v]! += (paths[v]! / paths[w]!) * (1 + dependency[w]!);
      if (w !== s) score[w]! += dependency[w]!;
    }
  }
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  return new Map(nodes.map((id, i) => [id, score[i]! * scale]));
}

/** Everyone below each person in the reports-to tree (their reporting line, themselves excluded). */
export function reportingLines(managerOf: ManagerOf): Map<string, Set<string>> {
  const below = new Map<string, Set<string>>([...managerOf.keys()].map((id) => [id, new Set<string>()]));
  for (const id of managerOf.keys()) {
    const visited = new Set<string>([id]);
    let current = managerOf.get(id) ?? null;
    while (current !== null && !visited.has(current)) {
      below.get(current)?.add(id);
      visited.add(current);
      current = managerOf.get(current) ?? null;
    }
  }
  return below;
}

/** Direct reports of each person. */
export function directReports(managerOf: ManagerOf): Map<string, string[]> {
  const reports = new Map<string, string[]>([...managerOf.keys()].map((id) => [id, []]));
  for (const [id, manager] of managerOf) if (manager !== null) reports.get(manager)?.push(id);
  return reports;
}

function choosersOf(edges: readonly Edge[]): Map<string, Set<string>> {
  const choosers = new Map<string, Set<string>>();
  for (const { source, target } of edges) {
    if (source === target) continue;
    const set = choosers.get(target) ?? new Set<string>();
    choosers.set(target, set);
    set.add(source);
  }
  return choosers;
}

export type EarnedShare = { share: number; outsideLine: number; followers: number };

/**
 * The share of a person's followers who are not in their reporting line (not below them in the
 * tree). Undefined for someone nobody chose.
 */
export function earnedShares(nodes: readonly string[], edges: readonly Edge[], managerOf: ManagerOf): Map<string, EarnedShare> {
  const lines = reportingLines(managerOf);
  const choosers = choosersOf(edges);
  const shares = new Map<string, EarnedShare>();
  for (const id of nodes) {
    const followers = choosers.get(id);
    if (!followers || followers.size === 0) continue;
    const line = lines.get(id) ?? new Set<string>();
    const outsideLine = [...followers].filter((follower) => !line.has(follower)).length;
    shares.set(id, { share: outsideLine / followers.size, outsideLine, followers: followers.size });
  }
  return shares;
}

export type FollowBack = { share: number; chose: number; reports: number };

/** For each manager: the share of their direct reports who chose them. */
export function followBacks(edges: readonly Edge[], managerOf: ManagerOf): Map<string, FollowBack> {
  const choosers = choosersOf(edges);
  const result = new Map<string, FollowBack>();
  for (const [manager, reports] of directReports(managerOf)) {
    if (reports.length === 0) continue;
    const chose = reports.filter((report) => choosers.get(manager)?.has(report)).length;
    result.set(manager, { share: chose / reports.length, chose, reports: reports.length });
  }
  return result;
}

export type Reach = { groups: number; departments: number };

/**
 * Distinct formal groups and departments a person's choosers come from. A group is a team as the
 * product defines one: the same manager and the same department.
 */
export function reaches(nodes: readonly string[], edges: readonly Edge[], people: ReadonlyMap<string, { managerId: string | null; department: string | null }>): Map<string, Reach> {
  const choosers = choosersOf(edges);
  return new Map(
    nodes.map((id) => {
      const from = [...(choosers.get(id) ?? [])].map((chooser) => people.get(chooser)).filter((person) => person !== undefined);
      return [
        id,
        {
          groups: new Set(from.map((person) => `${person.managerId ?? ""}\u0000${person.department ?? ""}`)).size,
          departments: new Set(from.map((person) => person.department).filter((department) => department !== null)).size,
        },
      ];
    }),
  );
}

/** Ranks from 1, ties sharing their mean rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, i) => [value, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k]![1]] = mean;
    start = end + 1;
  }
  return result;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the (mean-tied) ranks. Null when either
 * side does not vary (no ranking to agree with) or fewer than two pairs.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error("spearman: lengths differ");
  if (xs.length < 2) return null;
  const a = ranks(xs);
  const b = ranks(ys);
  const mean = (v: number[]) => v.reduce((sum, x) => sum + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  if (va === 0 || vb === 0) return null;
  return cov / Math.sqrt(va * vb);
}
