import { sql } from "kysely";
import type { Db } from "~/db.server";
import { ANALYTICS_VERSION, type WaveAnalytics } from "./engine";

/**
 * Parsed wave snapshots kept in this process, with what is derived from them (the scoped and
 * named views, sorted tables, export files), so that a dashboard request does not read and parse
 * the whole wave (megabytes of JSON at 10,000 people) to show a page of it.
 *
 * Each request still asks the database for the snapshot's stamp (its computed_at, a one-row
 * index read): a snapshot rewritten by any instance is read again, and whatever was derived from
 * the old one goes with it. Bounded by an estimate of the memory held, least recently used first.
 */
export type CachedSnapshot = {
  analytics: WaveAnalytics;
  computedAt: Date;
  /** The value under this key for this snapshot, made once. The key must name everything the value depends on besides the snapshot. */
  derive: <T>(key: string, make: () => T, bytes?: (value: Awaited<T>) => number) => T;
};

type Entry = { stamp: string; analytics: WaveAnalytics; computedAt: Date; bytes: number; derived: Map<string, { value: unknown; bytes: number }> };

const BUDGET_BYTES = 512 * 1024 * 1024;
// Views per snapshot: each scope and naming setting in use (leaders, a naming change), and pages' tables.
const DERIVED_PER_SNAPSHOT = 64;

const entries = new Map<string, Entry>();
let heldBytes = 0;

/** A rough size in memory: what a person, a group and an edge take once parsed. */
export function analyticsBytes(analytics: WaveAnalytics): number {
  return 600 * (analytics.people.length + analytics.blocks.length) + 120 * (analytics.edges.length + analytics.membership.length) + 50_000;
}

const entryKey = (orgId: string, waveId: string) => `${orgId}:${waveId}`;

function touch(key: string, entry: Entry) {
  entries.delete(key);
  entries.set(key, entry);
}

function drop(key: string) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  heldBytes -= entry.bytes;
}

function store(key: string, entry: Entry) {
  drop(key);
  entries.set(key, entry);
  heldBytes += entry.bytes;
  evict();
}

function evict() {
  for (const [key] of entries) {
    if (heldBytes <= BUDGET_BYTES || entries.size <= 1) return;
    drop(key);
  }
}

function cached(key: string, entry: Entry): CachedSnapshot {
  const held = () => entries.get(key) === entry;
  const resize = (name: string, derived: { value: unknown; bytes: number }, bytes: number) => {
    if (entry.derived.get(name) !== derived) return;
    entry.bytes += bytes - derived.bytes;
    if (held()) heldBytes += bytes - derived.bytes;
    derived.bytes = bytes;
  };
  return {
    analytics: entry.analytics,
    computedAt: entry.computedAt,
    derive: <T>(name: string, make: () => T, bytes?: (value: Awaited<T>) => number): T => {
      const found = entry.derived.get(name);
      if (found) {
        entry.derived.delete(name);
        entry.derived.set(name, found);
        return found.value as T;
      }
      const value = make();
      const derived = { value: value as unknown, bytes: 0 };
      entry.derived.set(name, derived);
      if (value instanceof Promise) {
        // Made elsewhere (a worker): counted once known; a failure is not kept, the next request tries again.
        value.then(
          (settled: Awaited<T>) => resize(name, derived, bytes ? bytes(settled) : 1_000),
          () => {
            resize(name, derived, 0);
            if (entry.derived.get(name) === derived) entry.derived.delete(name);
          },
        );
      } else {
        resize(name, derived, bytes ? bytes(value as Awaited<T>) : 1_000);
      }
      for (const [oldest, old] of entry.derived) {
        if (entry.derived.size <= DERIVED_PER_SNAPSHOT) break;
        entry.derived.delete(oldest);
        entry.bytes -= old.bytes;
        if (held()) heldBytes -= old.bytes;
      }
      evict();
      return value;
    },
  };
}

/** The current snapshots of these waves of the organization, by wave id: a stamp check, then only what changed is read. */
export async function cachedSnapshots(db: Db, orgId: string, waveIds: string[]): Promise<Map<string, CachedSnapshot>> {
  const found = new Map<string, CachedSnapshot>();
  if (waveIds.length === 0) return found;
  const stamps = await db
    .selectFrom("analytics_snapshot")
    .select(["wave_id", sql<string>`computed_at::text`.as("stamp")])
    .where("organization_id", "=", orgId)
    .where("wave_id", "in", waveIds)
    .where("version", "=", ANALYTICS_VERSION)
    .execute();
  const missing: string[] = [];
  for (const { wave_id, stamp } of stamps) {
    const key = entryKey(orgId, wave_id);
    const entry = entries.get(key);
    if (entry && entry.stamp === stamp) {
      touch(key, entry);
      found.set(wave_id, cached(key, entry));
    } else missing.push(wave_id);
  }
  if (missing.length === 0) return found;
  const rows = await db
    .selectFrom("analytics_snapshot")
    .select(["wave_id", "data", "computed_at", sql<string>`computed_at::text`.as("stamp")])
    .where("organization_id", "=", orgId)
    .where("wave_id", "in", missing)
    .where("version", "=", ANALYTICS_VERSION)
    .execute();
  for (const row of rows) {
    const key = entryKey(orgId, row.wave_id);
    const entry = remember(key, row.stamp, row.computed_at, row.data as WaveAnalytics);
    found.set(row.wave_id, cached(key, entry));
  }
  return found;
}

function remember(key: string, stamp: string, computedAt: Date, analytics: WaveAnalytics): Entry {
  const entry: Entry = { stamp, analytics, computedAt, bytes: analyticsBytes(analytics), derived: new Map() };
  store(key, entry);
  return entry;
}

/** Kept right after the snapshot job wrote it, so the first dashboard request after a recompute does not read it back. */
export function rememberSnapshot(orgId: string, waveId: string, written: { stamp: string; computedAt: Date }, analytics: WaveAnalytics) {
  remember(entryKey(orgId, waveId), written.stamp, written.computedAt, analytics);
}

export async function cachedSnapshot(db: Db, orgId: string, waveId: string): Promise<CachedSnapshot | undefined> {
  return (await cachedSnapshots(db, orgId, [waveId])).get(waveId);
}
