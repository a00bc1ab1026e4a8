import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDateTimeInput, isTimeZone, toDateTimeInput } from "./dates";
import { WaveSettingsForm } from "./surveys/wave-settings-form";

describe("datetime-local inputs in a time zone", () => {
  it("reads a wall clock in the zone it was typed in", () => {
    expect(fromDateTimeInput("2026-11-26T09:00", "Europe/Berlin")?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(fromDateTimeInput("2026-07-01T09:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(fromDateTimeInput("2026-11-26T09:00", "America/New_York")?.toISOString()).toBe("2026-11-26T14:00:00.000Z");
    expect(fromDateTimeInput("2026-11-26T09:00", "UTC")?.toISOString()).toBe("2026-11-26T09:00:00.000Z");
  });

  it("moves a time the clocks skip on by the gap, and refuses what is not a date", () => {
    expect(fromDateTimeInput("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromDateTimeInput("2026-02-31T09:00", "UTC")).toBeNull();
    expect(fromDateTimeInput("tomorrow", "UTC")).toBeNull();
    expect(fromDateTimeInput("2026-11-26T25:00", "UTC")).toBeNull();
  });

  it("shows a stored moment as the same wall clock it is read back from", () => {
    const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }), fc.constantFrom(...zones), (minutes, zone) => {
        const moment = new Date(minutes * 60_000);
        const shown = toDateTimeInput(moment, zone);
        const read = fromDateTimeInput(shown, zone);
        // An hour repeated when clocks go back reads as one of its two moments: same wall clock.
        expect(read && toDateTimeInput(read, zone)).toBe(shown);
      }),
      { numRuns: 500 },
    );
  });

  it("knows a time zone from a made-up one", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("the wave settings form's times", () => {
  const base = { minGroupSize: "5", distribution: "email" };

  it("reads times in the zone the page sent, and as UTC when none was sent (no JavaScript)", () => {
    const berlin = WaveSettingsForm.parse({ ...base, opensAt: "2026-12-01T09:00", closesAt: "2026-12-08T17:00", timeZone: "Europe/Berlin" });
    expect(berlin.opensAt?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(berlin.closesAt?.toISOString()).toBe("2026-12-08T16:00:00.000Z");
    const utc = WaveSettingsForm.parse({ ...base, opensAt: "2026-12-01T09:00" });
    expect(utc.opensAt?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });

  it("says what is wrong with a bad time or zone", () => {
    const badTime = WaveSettingsForm.safeParse({ ...base, opensAt: "soon" });
    expect(badTime.success ? null : badTime.error.issues[0]?.message).toBe("Enter a date and time.");
    const badZone = WaveSettingsForm.safeParse({ ...base, opensAt: "2026-12-01T09:00", timeZone: "Nowhere/Else" });
    expect(badZone.success ? null : badZone.error.issues.map((issue) => issue.path.join("."))).toEqual(["timeZone"]);
  });
});
