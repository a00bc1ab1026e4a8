import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time used so far (ms, user + system, all threads) by the processes `accept` picks by pid and
 * command name, read from /proc: Linux only (elsewhere null). Used to split a benchmark's CPU
 * between the server, the load generator and PostgreSQL when they share the machine's cores.
 */
export function processCpuMs(accept: (pid: number, command: string) => boolean): Map<number, number> | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const used = new Map<number, number>();
  for (const name of pids) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (!accept(Number(name), command)) continue;
      used.set(Number(name), (Number(fields[11]) + Number(fields[12])) / ticksPerMs);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return used;
}

/** CPU ms used between two readings: processes that started in between count whole. */
export function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return Math.round(total);
}

export const isPostgres = (_pid: number, command: string) => command === "postgres";
