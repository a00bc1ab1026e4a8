import { departmentPool, OPEN_LINK_GROUP, ORGANIZATION_POOL, parseGroup, segmentDepartment } from "./groups";
import { Audience, type StoredResponse } from "./silence";
import { SilenceMatching } from "./silence-matching";

/**
 * When a waiting response may leave the sealed pool, and under which group. Pure.
 *
 * A released response carries its group and its answers; whom it chose is stored only as counts
 * per group and release (how many of the release's responses chose each person in each question),
 * never attached to the response. A response can then be told apart from the others of its group
 * by nothing stored, so it could be the answer of any of its group's people who answered.
 *
 * A response is released only in a batch, and a batch is admissible only when, after it:
 *
 *   1. it adds at least k responses to its group. Every change anyone can ever observe — two
 *      backups of the database, a dashboard before and after — is then a set of whole batches of
 *      at least k, so subtracting two states isolates no fewer than k responses of one group;
 *   2. no group of the org chart is full: the responses whose people all lie inside a segment or a
 *      department stay fewer than its members (the whole audience excepted, see below). A full
 *      group would say that each of its members answered;
 *   3. nobody becomes someone who certainly answered (silence.ts): were every answer of a group to
 *      choose the one member who did not answer, the counts would say who the others are.
 *
 * While a wave is open only segments take batches: a segment's responses wait until k of them can
 * go together. When the wave closes, what is left goes to its department's pool, then to the
 * organization's pool; what still cannot form an admissible batch is discarded, because it could
 * never be shown without exposing someone. When everyone invited has answered, the count already
 * says so: everything is placed at once, as at close, or nothing until close.
 */

export type Waiting = {
  id: string;
  /** The respondent's segment, or the open-link group. */
  segment: string;
  /** Whom the response chose, by question. */
  nominations: readonly { questionId: string; nomineeId: string }[];
};

/** What is stored of the responses already released in one group. */
export type ReleasedGroup = { group: string; responses: number; chosen: ReadonlyMap<string, ReadonlyMap<string, number>> };

export type ReleaseInput = {
  k: number;
  /** Each invited person's segment. */
  segmentOf: ReadonlyMap<string, string>;
  released: readonly ReleasedGroup[];
  waiting: readonly Waiting[];
  /** The wave has closed: everything waiting is placed now, or discarded. */
  closing: boolean;
};

export type Batch = { group: string; ids: string[] };

export type ReleasePlan = { batches: Batch[]; discarded: string[] };

type Mode = "open" | "closing" | "everyone-answered";

/** The org chart's nested groups that must never be full: segments and departments. */
class Capacity {
  private readonly sizes = new Map<string, number>();
  private readonly used = new Map<string, number>();
  private readonly audience: number;

  constructor(
    segmentOf: ReadonlyMap<string, string>,
    released: readonly ReleasedGroup[],
    private readonly enforced: boolean,
  ) {
    this.audience = segmentOf.size;
    for (const segment of segmentOf.values()) {
      this.bump(this.sizes, `segment:${segment}`, 1);
      const department = segmentDepartment(segment);
      if (department !== undefined) this.bump(this.sizes, `department:${department ?? ""}`, 1);
    }
    for (const group of released) this.take(group.group, group.responses);
  }

  private bump(map: Map<string, number>, key: string, by: number) {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  /** The nodes a group's people lie within; a node as large as the audience is no secret. */
  private nodesOf(group: string): { key: string; size: number }[] {
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

type Tally = { responses: number; chosen: Map<string, Map<string, number>> };

/** Everything stored so far, for the silence rule: released, planned, and still sealed. */
class Ledger {
  private readonly audience: Audience;
  /** Released and planned responses, summed per group as they would be stored. */
  private readonly stored = new Map<string, Tally>();
  private readonly planned = new Map<string, { group: string; entries: readonly Waiting[] }>();
  private placed = 0;
  private readonly sealed: number;
  /** Who could have given what is stored, kept as batches are added; made on first use, again after a batch is taken back. */
  private matching: SilenceMatching | undefined;

  /**
   * While the wave is open, waiting responses sit sealed in the database and count as someone's.
   * At close every one of them is either placed or discarded in the same transaction, so only
   * what is placed counts.
   */
  constructor(
    segmentOf: ReadonlyMap<string, string>,
    released: readonly ReleasedGroup[],
    waiting: number,
    private readonly mode: Mode,
  ) {
    this.audience = new Audience(segmentOf);
    for (const group of released) {
      const tally = this.tallyOf(group.group);
      tally.responses += group.responses;
      for (const [question, counts] of group.chosen) for (const [nominee, count] of counts) add(tally, question, nominee, count);
    }
    this.sealed = mode === "open" ? waiting : 0;
  }

  private tallyOf(group: string): Tally {
    let tally = this.stored.get(group);
    if (!tally) this.stored.set(group, (tally = { responses: 0, chosen: new Map() }));
    return tally;
  }

  /** Would releasing `batch` under `group` leave everyone able to have stayed silent? */
  allows(group: string, batch: readonly Waiting[]): boolean {
    if (this.mode === "everyone-answered") return true;
    return this.matchingNow().allows(group, everyoneChose(merged(this.stored.get(group), batch)), batch.length, this.sealedReplacedBy(batch));
  }

  record(group: string, batch: readonly Waiting[]) {
    if (this.mode !== "everyone-answered") this.matchingNow().record(group, everyoneChose(merged(this.stored.get(group), batch)), batch.length, this.sealedReplacedBy(batch));
    this.planned.set(batch[0]!.id, { group, entries: batch });
    this.change(group, batch, 1);
  }

  /** Undo a planned batch (it joins a larger one instead). */
  unrecord(batch: readonly Waiting[]) {
    const plan = this.planned.get(batch[0]!.id)!;
    this.planned.delete(batch[0]!.id);
    this.change(plan.group, plan.entries, -1);
    this.matching = undefined;
  }

  /** While open, a placed response was one of the sealed ones. */
  private sealedReplacedBy(batch: readonly Waiting[]): number {
    return this.mode === "open" ? batch.length : 0;
  }

  private change(group: string, batch: readonly Waiting[], sign: 1 | -1) {
    const tally = this.tallyOf(group);
    tally.responses += sign * batch.length;
    for (const entry of batch) for (const { questionId, nomineeId } of entry.nominations) add(tally, questionId, nomineeId, sign);
    this.placed += sign * batch.length;
  }

  private matchingNow(): SilenceMatching {
    if (!this.matching) {
      const responses: StoredResponse[] = [];
      for (const [group, tally] of this.stored) {
        const nominees = everyoneChose(tally);
        for (let i = 0; i < tally.responses; i++) responses.push({ group, nominees });
      }
      const none = new Set<string>();
      for (let i = 0; i < this.sealed - this.placed; i++) responses.push({ group: null, nominees: none });
      this.matching = new SilenceMatching(this.audience, responses);
    }
    return this.matching;
  }
}

/** A group's tally with a batch added, leaving the tally as it was. */
function merged(tally: Tally | undefined, batch: readonly Waiting[]): Tally {
  const into: Tally = { responses: (tally?.responses ?? 0) + batch.length, chosen: new Map() };
  for (const [question, counts] of tally?.chosen ?? []) into.chosen.set(question, new Map(counts));
  for (const entry of batch) for (const { questionId, nomineeId } of entry.nominations) add(into, questionId, nomineeId, 1);
  return into;
}

/** Whom every response of a group chose (in one question): none of them can be that person's. */
function everyoneChose(tally: Tally): Set<string> {
  const nominees = new Set<string>();
  for (const counts of tally.chosen.values()) for (const [nominee, count] of counts) if (count >= tally.responses) nominees.add(nominee);
  return nominees;
}

function add(tally: Tally, question: string, nominee: string, count: number) {
  let counts = tally.chosen.get(question);
  if (!counts) tally.chosen.set(question, (counts = new Map()));
  counts.set(nominee, (counts.get(nominee) ?? 0) + count);
}

/**
 * An admissible batch for `group` from `candidates` (rules 1–3), or null. When the silence rule
 * fails, the responses that choose most people are held back first.
 */
function admissible(group: string, candidates: Waiting[], k: number, capacity: Capacity | null, ledger: Ledger): Waiting[] | null {
  const room = capacity ? capacity.room(group) : Number.POSITIVE_INFINITY;
  if (room < k || candidates.length < k) return null;
  let batch = candidates.slice(0, room);
  while (!ledger.allows(group, batch)) {
    if (batch.length <= k) return null;
    const busiest = [...batch].sort((a, b) => b.nominations.length - a.nominations.length || a.id.localeCompare(b.id))[0]!;
    batch = batch.filter((entry) => entry !== busiest);
  }
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
  // When everyone answered, no answer can come any more and the count already says so: the group
  // sizes and the silence rule have nothing left to hide, provided every answer is placed now
  // (else a later copy, short of those answers, would have less to show than earlier releases
  // assumed). So everything goes at once, as at close, or nothing does until close.
  const openLink = new Set(input.waiting.filter((entry) => entry.segment === OPEN_LINK_GROUP).map((entry) => entry.id));
  const released = input.released.filter((group) => group.group !== OPEN_LINK_GROUP).reduce((sum, group) => sum + group.responses, 0);
  if (released + input.waiting.length - openLink.size >= input.segmentOf.size) {
    const plan = planIn({ ...input, closing: true }, "everyone-answered");
    if (plan.discarded.every((id) => openLink.has(id))) return input.closing ? plan : { ...plan, discarded: [] };
  }
  return planIn(input, input.closing ? "closing" : "open");
}

function planIn({ k, segmentOf, released, waiting, closing }: ReleaseInput, mode: Mode): ReleasePlan {
  const capacity = new Capacity(segmentOf, released, mode !== "everyone-answered");
  // A stable order (ids are random) keeps plans reproducible for the same input.
  const ordered = [...waiting].sort((a, b) => a.id.localeCompare(b.id));
  const ledger = new Ledger(segmentOf, released, ordered.filter((entry) => entry.segment !== OPEN_LINK_GROUP).length, mode);
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
