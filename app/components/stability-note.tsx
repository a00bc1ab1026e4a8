import { STABILITY_LABEL, type Stability } from "~/modules/analytics/stability";

const MEANING: Record<Stability, string> = {
  stable: "This place holds with any one group of answers left out, and in at least 9 of 10 resamples of the groups.",
  "could-change": "Leaving out one group of answers, or resampling the groups, moves this person to another place: read it as provisional.",
};

/** How firmly a person's place in the quadrant rests on the answers (stability.ts). */
export function StabilityNote({ stability }: { stability: Stability | null }) {
  if (!stability) return null;
  return (
    <span className={`block text-xs ${stability === "stable" ? "text-emerald-800" : "text-amber-800"}`} title={MEANING[stability]}>
      {STABILITY_LABEL[stability]}
      <span className="sr-only">: {MEANING[stability]}</span>
    </span>
  );
}
