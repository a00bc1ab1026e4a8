import { departmentPool, OPEN_LINK_GROUP, ORGANIZATION_POOL, parseGroup, segmentDepartment } from "./groups";
import { Audience, certainRespondents, type StoredResponse } from "./silence";

/**
 * When a waiting response may leave the sealed pool, and under which group. Pure.
 *
 * A response is released only in a batch, and a batch is admissible only when, after it:
 *
 *   1. it adds at least k responses to its group. Every change anyone can ever observe — two
 *      backups of the database, a dashboard before and after — is then a set of whole batches, so
 *      subtracting two states isolates at least k responses of one group;
 *   2. no group of the org chart is full: the responses whose producers all lie inside a segment
 *      or a department stay fewer than its members (the whole audience excepted, see the README).
 *      A full group would say that each of its members answered;
 *   3. each response in it could have been given by at least k of the batch's own people: the
 *      respondent, plus every other respondent of the batch with whom the two responses could be
 *      swapped without anyone having chosen themselves. Nobody chooses themselves, so a response
 *      that chose a teammate was not that teammate's; were four responses of five to choose one
 *      person, the fifth would be theirs. Swaps are checked against the batch, the smallest set an
 *      attacker could know to have answered (someone holding the secret and two backups);
 *   4. nobody becomes someone who certainly answered (silence.ts): were every answer but one to
 *      choose the only person who did not answer, the database would say who answered.
 *
 * While a wave is open only segments take batches: a segment's responses wait until k of them can
 * go together. When the wave closes, what is left goes to its department's pool, then to the
 * organization's pool; what still cannot form an admissible batch is discarded, because it could
 * never be shown without exposing someone.
 */

export type Waiting = {
  id: string;
  /** The respondent, known only inside the sealed pool; null for the open link. */
  personId: string | null;
  /** The respondent's segment, or the open-link group. */
  segment: string;
  /** Everyone the response chose, in any question. */
  nominees: ReadonlySet<string>;
};

export type ReleaseInput = {
  k: number;
  /** Each invited person's segment. */
  segmentOf: ReadonlyMap<string, string>;
  /** Responses already released: their group and whom they chose. */
  released: readonly StoredResponse[];
  waiting: readonly Waiting[];
  /** The wave has closed: everything waiting is placed now, or discarded. */
  closing: boolean;
};

export type Batch = { group: string; ids: string[] };

export type ReleasePlan = { batches: Batch[]; discarded: string[] };

type Node = { key: string; size: number };

/** The org chart's nested groups that must never be full: segments and departments. */
class Capacity {
  private readonly sizes = new Map<string, number>();
  private readonly used = new Map<string, number>();
  private readonly audience: number;

  constructor(
    segmentOf: ReadonlyMap<string, string>,
    released: readonly StoredResponse[],
    private readonly enforced: boolean,
  ) {
    this.audience = segmentOf.size;
    for (const segment of segmentOf.values()) {
      this.bump(this.sizes, `segment:${segment}`, 1);
      const department = segmentDepartment(segment);
      if (department !== undefined) this.bump(this.sizes, `department:${department ?? ""}`, 1);
    }
    for (const response of released) this.take(response.group!, 1);
  }

  private bump(map: Map<string, number>, key: string, by: number) {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  /** The nodes a group's producers lie within; a node as large as the audience is no secret. */
  private nodesOf(group: string): Node[] {
    const parsed = parseGroup(group);
    const keys: string[] = [];
    if (parsed.kind === "team" || parsed.kind === "department" || parsed.kind === "organization") keys.push(`segment:${group}`);
    if (parsed.kind === "team" || parsed.kind === "department" || parsed.kind === "department-pool") keys.push(`department:${parsed.department ?? ""}`);
    return keys.map((key) => ({ key, size: this.sizes.get(key) ?? 0 })).filter((node) => node.size < this.audience);
  }

  /** How many more responses the group may take before one of its nodes would be full. */
  room(group: string): number {
    if (!this.enforced) return Number.POSITIVE_INFINITY;
    let room = Number.POSITIVE_INFINITY;
    for (const node of this.nodesOf(group)) room = Math.min(room, node.size - 1 - (this.used.get(node.key) ?? 0));
    return room;
  }

  take(group: string, count: number) {
    for (const node of this.nodesOf(group)) this.bump(this.used, node.key, count);
  }
}

/** Can responses a and b trade respondents? Only if neither chose the other's respondent. */
function swappable(a: Waiting, b: Waiting): boolean {
  return b.personId !== null && a.personId !== null && !a.nominees.has(b.personId) && !b.nominees.has(a.personId);
}

/**
 * The largest subset that passes the swap rule (3), found by dropping the response with the
 * fewest swap partners until every response has k − 1 of them. Null when fewer than k remain.
 */
function swapSafe(candidates: Waiting[], k: number): Waiting[] | null {
  if (candidates.length < k) return null;
  if (candidates.every((entry) => entry.personId === null)) return candidates;
  let batch = candidates;
  for (;;) {
    const partners = batch.map((a) => batch.reduce((count, b) => (a !== b && swappable(a, b) ? count + 1 : count), 0));
    let weakest = -1;
    for (let i = 0; i < batch.length; i++) if (partners[i]! < k - 1 && (weakest === -1 || partners[i]! < partners[weakest]!)) weakest = i;
    if (weakest === -1) return batch;
    batch = batch.filter((_, i) => i !== weakest);
    if (batch.length < k) return null;
  }
}

/** Everything stored so far, for the silence rule: released, planned, and still sealed. */
class Ledger {
  private readonly audience: Audience;
  private readonly released: readonly StoredResponse[];
  private readonly planned = new Map<string, StoredResponse>();
  private readonly sealed: Set<string>;

  /**
   * While the wave is open, waiting responses sit sealed in the database and count as someone's.
   * At close every one of them is either placed or discarded in the same transaction, so only
   * what is placed counts.
   */
  constructor(
    segmentOf: ReadonlyMap<string, string>,
    released: readonly StoredResponse[],
    waiting: readonly Waiting[],
    private readonly mode: Mode,
  ) {
    this.audience = new Audience(segmentOf);
    this.released = released;
    this.sealed = new Set(mode === "open" ? waiting.map((entry) => entry.id) : []);
  }

  /** Would releasing `batch` under `group` leave everyone able to have stayed silent? */
  allows(group: string, batch: readonly Waiting[]): boolean {
    // When everyone answered and every answer is placed, the count says so whatever else is stored.
    if (this.mode === "everyone-answered") return true;
    const ids = new Set(batch.map((entry) => entry.id));
    const stillSealed = [...this.sealed].filter((id) => !ids.has(id)).map(() => ({ group: null, nominees: new Set<string>() }));
    const trial = [...this.released, ...this.planned.values(), ...batch.map((entry) => ({ group, nominees: entry.nominees })), ...stillSealed];
    return certainRespondents(this.audience, trial).length === 0;
  }

  record(group: string, batch: readonly Waiting[]) {
    for (const entry of batch) {
      this.planned.set(entry.id, { group, nominees: entry.nominees });
      this.sealed.delete(entry.id);
    }
  }

  /** Undo a planned batch (it joins a larger one instead). */
  unrecord(batch: readonly Waiting[]) {
    for (const entry of batch) this.planned.delete(entry.id);
  }
}

/**
 * An admissible batch for `group` from `candidates` (all four rules), or null. When the silence
 * rule fails, the responses that choose most people are held back first.
 */
function admissible(group: string, candidates: Waiting[], k: number, capacity: Capacity | null, ledger: Ledger): Waiting[] | null {
  const room = capacity ? capacity.room(group) : Number.POSITIVE_INFINITY;
  if (room < k) return null;
  let batch = swapSafe(candidates.slice(0, room), k);
  while (batch && !ledger.allows(group, batch)) {
    const sorted = [...batch].sort((a, b) => b.nominees.size - a.nominees.size || a.id.localeCompare(b.id));
    batch = swapSafe(batch.filter((entry) => entry !== sorted[0]), k);
  }
  if (!batch) return null;
  capacity?.take(group, batch.length);
  ledger.record(group, batch);
  return batch;
}

function byGroup(entries: Iterable<Waiting>, groupOf: (entry: Waiting) => string): Map<string, Waiting[]> {
  const groups = new Map<string, Waiting[]>();
  for (const entry of entries) {
    const key = groupOf(entry);
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export function planRelease(input: ReleaseInput): ReleasePlan {
  // When everyone answered, the count already says so, and no answer can come any more: the group
  // sizes and the silence rule have nothing left to hide, provided every answer is placed now
  // (else a later copy, short of those answers, would have less to show than earlier releases
  // assumed). So everything goes at once, as at close, or nothing does until close.
  const openLink = new Set(input.waiting.filter((entry) => entry.segment === OPEN_LINK_GROUP).map((entry) => entry.id));
  if (input.released.length + input.waiting.length - openLink.size >= input.segmentOf.size) {
    const plan = planIn({ ...input, closing: true }, "everyone-answered");
    if (plan.discarded.every((id) => openLink.has(id))) return input.closing ? plan : { ...plan, discarded: [] };
  }
  return planIn(input, input.closing ? "closing" : "open");
}

type Mode = "open" | "closing" | "everyone-answered";

function planIn({ k, segmentOf, released, waiting, closing }: ReleaseInput, mode: Mode): ReleasePlan {
  const capacity = new Capacity(segmentOf, released, mode !== "everyone-answered");
  const ordered = [...waiting].sort((a, b) => a.id.localeCompare(b.id));
  const ledger = new Ledger(segmentOf, released, ordered.filter((entry) => entry.segment !== OPEN_LINK_GROUP), mode);
  const batches: { group: string; entries: Waiting[] }[] = [];
  const placed = new Set<string>();
  const emit = (group: string, entries: Waiting[]) => {
    batches.push({ group, entries });
    for (const entry of entries) placed.add(entry.id);
  };

  for (const [segment, entries] of byGroup(ordered, (entry) => entry.segment)) {
    if (segment === OPEN_LINK_GROUP) {
      // Nobody can place these respondents, and they never mix with verified ones.
      if (entries.length >= k) emit(OPEN_LINK_GROUP, entries);
      continue;
    }
    const batch = admissible(segment, entries, k, capacity, ledger);
    if (batch) emit(segment, batch);
  }
  if (closing) placeLeftovers(k, ordered, placed, batches, capacity, ledger, emit);
  const discarded = closing ? ordered.filter((entry) => !placed.has(entry.id)).map((entry) => entry.id) : [];
  return { batches: batches.map(({ group, entries }) => ({ group, ids: entries.map((entry) => entry.id) })), discarded };
}

/**
 * At close: what is left goes to its department's pool, then to the organization's pool. If the
 * organization's pool is short, groups formed in this same closing release join it, department
 * pools before teams and smallest first: they have not been published, so nothing is subtracted
 * later, and losing a group's detail is better than discarding its people's answers.
 */
function placeLeftovers(
  k: number,
  ordered: Waiting[],
  placed: Set<string>,
  batches: { group: string; entries: Waiting[] }[],
  capacity: Capacity,
  ledger: Ledger,
  emit: (group: string, entries: Waiting[]) => void,
) {
  const left = () => ordered.filter((entry) => !placed.has(entry.id) && entry.segment !== OPEN_LINK_GROUP);
  const poolOf = (entry: Waiting) => {
    const department = segmentDepartment(entry.segment);
    // The organization segment belongs to no department: it goes straight to the organization.
    return department === undefined ? ORGANIZATION_POOL : departmentPool(department);
  };
  for (const [group, entries] of byGroup(left(), poolOf)) {
    if (group === ORGANIZATION_POOL) continue;
    const batch = admissible(group, entries, k, capacity, ledger);
    if (batch) emit(group, batch);
  }
  const isPool = (batch: { group: string }) => batch.group.startsWith("pool:");
  const joinable = batches
    .filter((batch) => batch.group !== OPEN_LINK_GROUP)
    .sort((a, b) => Number(isPool(b)) - Number(isPool(a)) || a.entries.length - b.entries.length || a.group.localeCompare(b.group));
  for (;;) {
    const rest = left();
    if (rest.length === 0) return;
    const organization = admissible(ORGANIZATION_POOL, rest, k, null, ledger);
    if (organization) return emit(ORGANIZATION_POOL, organization);
    const joined = joinable.shift();
    if (!joined) return;
    batches.splice(batches.indexOf(joined), 1);
    ledger.unrecord(joined.entries);
    for (const entry of joined.entries) placed.delete(entry.id);
  }
}
