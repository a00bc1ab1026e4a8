import { LRUCache } from "lru-cache";
import type { Db } from "~/db.server";
import { db } from "~/db.server";
import { requireMember, type Member } from "~/modules/accounts/membership.server";
import { cachedSnapshot, cachedSnapshots } from "~/modules/analytics/snapshot-cache.server";
import type { Scope, WavePoint } from "~/modules/analytics/dashboard";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { notFound, requireId } from "~/modules/http.server";
import { subtreePersonIds } from "~/modules/people/people.server";
import { rosterVersion } from "~/modules/people/roster-version.server";
import { cachedViewable, namingPolicy, viewKey } from "./naming.server";
import { personIndex } from "~/modules/analytics/person-index";
import { emptyReason, type EmptyReason } from "./views";

export type DashboardWave = { id: string; number: number; status: "open" | "closed"; surveyId: string; surveyName: string; openedAt: Date | null; closedAt: Date | null };

// A leader's subtree, kept per roster version. The same scope object then serves every request
// until the roster changes, so its digest (the key of every view cut for it) is made once rather
// than hashing thousands of ids per request. Bounded by the ids held.
const subtrees = new LRUCache<string, { version: string; scope: Scope }>({
  maxSize: 250_000,
  sizeCalculation: (entry) => (entry.scope.kind === "subtree" ? Math.max(1, entry.scope.personIds.size) : 1),
});

/** What the member may see: a leader their subtree, everyone else the organization. */
export async function memberScope(db: Db, member: Member): Promise<Scope> {
  if (member.role !== "leader" || !member.personId) return { kind: "organization" };
  const key = `${member.orgId}|${member.personId}`;
  const version = await rosterVersion(db, member.orgId);
  const cached = subtrees.get(key);
  if (cached?.version === version) return cached.scope;
  const [ids, root] = await Promise.all([
    subtreePersonIds(db, member.orgId, member.personId),
    db.selectFrom("person").select("name").where("organization_id", "=", member.orgId).where("id", "=", member.personId).executeTakeFirst(),
  ]);
  const scope: Scope = { kind: "subtree", personIds: new Set(ids), rootName: root?.name ?? "you" };
  subtrees.set(key, { version, scope });
  return scope;
}

function dashboardWaves(db: Db, orgId: string) {
  return db
    .selectFrom("survey_wave as w")
    .innerJoin("survey as s", "s.id", "w.survey_id")
    .select(["w.id", "w.number", "w.status", "w.survey_id as surveyId", "s.name as surveyName", "w.opened_at as openedAt", "w.closed_at as closedAt"])
    .where("w.organization_id", "=", orgId)
    .where("w.status", "in", ["open", "closed"]);
}

export async function listDashboardWaves(db: Db, orgId: string): Promise<DashboardWave[]> {
  return (await dashboardWaves(db, orgId).orderBy("s.name").orderBy("w.number", "desc").execute()) as DashboardWave[];
}

async function findDashboardWave(db: Db, orgId: string, waveId: string): Promise<DashboardWave | undefined> {
  return (await dashboardWaves(db, orgId).where("w.id", "=", waveId).executeTakeFirst()) as DashboardWave | undefined;
}

export type Dashboard = {
  member: Member;
  wave: DashboardWave;
  series: { id: string; number: number }[];
  scope: Scope;
  naming: Awaited<ReturnType<typeof namingPolicy>>;
  analytics: WaveAnalytics | null;
  computedAt: Date | null;
  /** Something made from this member's view (a sorted table, an export file), kept with the view: the key names the rest of what it depends on. */
  derive: <T>(key: string, make: () => T, bytes?: (value: Awaited<T>) => number) => T;
};

/**
 * The door to every dashboard page: membership, the wave of this organization (404 otherwise),
 * the member's scope, and the wave's snapshot already cut to that scope. Pages take what they
 * show from here and nothing else.
 */
export async function requireDashboard(request: Request, params: { orgSlug?: string; waveId?: string }): Promise<Dashboard> {
  const { member, wave, series } = await requireDashboardWave(request, params);
  const [scope, snapshot, naming] = await Promise.all([memberScope(db, member), cachedSnapshot(db, member.orgId, wave.id), namingPolicy(db, member)]);
  const policy = naming(wave.id);
  return {
    member,
    wave,
    series,
    scope,
    naming,
    analytics: snapshot ? cachedViewable(snapshot, scope, policy) : null,
    computedAt: snapshot?.computedAt ?? null,
    derive: (key, make, bytes) => (snapshot ? snapshot.derive(`${viewKey(scope, policy)}|${key}`, make, bytes) : make()),
  };
}

type DashboardPage<V> = { k: number; orgSlug: string; computedAt: Date | null } & ({ empty: EmptyReason; view: null } | { empty: null; view: V });

/**
 * A dashboard page's data: the page's view of the scoped snapshot when there is one with at least
 * one block, otherwise the reason there is nothing to show yet.
 */
export async function dashboardPage<V>(request: Request, params: { orgSlug?: string; waveId?: string }, view: (analytics: WaveAnalytics, dashboard: Dashboard) => V | Promise<V>): Promise<DashboardPage<V>> {
  const dashboard = await requireDashboard(request, params);
  const common = { k: dashboard.analytics?.k ?? dashboard.member.minGroupSize, orgSlug: dashboard.member.orgSlug, computedAt: dashboard.computedAt };
  const empty = emptyReason(dashboard.analytics, dashboard.scope);
  if (empty || !dashboard.analytics) return { ...common, empty: empty ?? "computing", view: null };
  return { ...common, empty: null, view: await view(dashboard.analytics, dashboard) };
}

/** The member and the wave, without its figures: for the dashboard's frame. */
export async function requireDashboardWave(request: Request, params: { orgSlug?: string; waveId?: string }) {
  const member = await requireMember(request, params.orgSlug, "leader");
  const wave = await findDashboardWave(db, member.orgId, requireId(params.waveId));
  if (!wave) throw notFound();
  const series = await db
    .selectFrom("survey_wave")
    .select(["id", "number"])
    .where("organization_id", "=", member.orgId)
    .where("survey_id", "=", wave.surveyId)
    .where("status", "in", ["open", "closed"])
    .orderBy("number")
    .execute();
  return { member, wave, series };
}

/** Every wave of the series up to this one, each cut to the same scope: for trends. */
export async function loadSeries(db: Db, dashboard: Dashboard): Promise<WavePoint[]> {
  const earlier = dashboard.series.filter((wave) => wave.number < dashboard.wave.number);
  const snapshots = await cachedSnapshots(db, dashboard.member.orgId, earlier.map((wave) => wave.id));
  const points: WavePoint[] = earlier.flatMap((wave) => {
    const snapshot = snapshots.get(wave.id);
    return snapshot ? [{ number: wave.number, analytics: cachedViewable(snapshot, dashboard.scope, dashboard.naming(wave.id)) }] : [];
  });
  if (dashboard.analytics) points.push({ number: dashboard.wave.number, analytics: dashboard.analytics });
  return points;
}

/**
 * One person's influence across every wave of every survey, for a member allowed to see them:
 * analysts and admins anyone, a leader only people in their subtree (others answer 404).
 */
export async function loadPersonInfluence(db: Db, member: Member, personId: string) {
  const [scope, naming] = await Promise.all([memberScope(db, member), namingPolicy(db, member)]);
  if (scope.kind === "subtree" && !scope.personIds.has(personId)) return undefined;
  const person = await db
    .selectFrom("person")
    .select(["id", "name", "title", "department"])
    .where("organization_id", "=", member.orgId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return undefined;
  const waves = await listDashboardWaves(db, member.orgId);
  const snapshots = await cachedSnapshots(db, member.orgId, waves.map((wave) => wave.id));
  const surveys = new Map<string, { name: string; points: WavePoint[] }>();
  for (const wave of [...waves].sort((a, b) => a.number - b.number)) {
    const snapshot = snapshots.get(wave.id);
    if (!snapshot) continue;
    const viewable = cachedViewable(snapshot, scope, naming(wave.id));
    // Someone the naming rules keep anonymous in a wave has no page for it.
    if (!personIndex(viewable).people.has(personId)) continue;
    const survey = surveys.get(wave.surveyId) ?? { name: wave.surveyName, points: [] };
    survey.points.push({ number: wave.number, analytics: viewable });
    surveys.set(wave.surveyId, survey);
  }
  if (surveys.size === 0 && waves.length > 0) return undefined;
  return { person, surveys: [...surveys.values()] };
}
