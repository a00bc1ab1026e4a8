import type { ParticipationTotal } from "~/modules/anonymity/participation";

/**
 * How sure a network figure can be, from how many of the invited answered. Missing answers move
 * network measures (Smith & Moody 2013): practitioners read results with confidence from about
 * 80% of the invited, as directional from 65%, and with caution below.
 */
export type Confidence = "high" | "directional" | "low";

export const CONFIDENCE_THRESHOLDS = { high: 0.8, directional: 0.65 } as const;

export const CONFIDENCE_LABEL: Record<Confidence, { title: string; text: string }> = {
  high: { title: "High confidence", text: "At least 80% of those invited answered: network figures are close to what a full survey would show." },
  directional: { title: "Directional", text: "Between 65% and 80% answered: read the network for its direction, not for exact positions." },
  low: { title: "Low confidence", text: "Fewer than 65% answered: the network is missing too many people's choices to rank anyone firmly." },
};

export function confidenceOf(answered: number, invited: number): Confidence {
  const rate = invited === 0 ? 0 : answered / invited;
  if (rate >= CONFIDENCE_THRESHOLDS.high) return "high";
  if (rate >= CONFIDENCE_THRESHOLDS.directional) return "directional";
  return "low";
}

/**
 * From a published participation total. When only a band may be shown (fewer than k answered, or
 * all but fewer than k), the label follows from the band's safe side.
 */
export function participationConfidence(total: ParticipationTotal): { level: Confidence; rate: number | null } {
  if (total.exact) return { level: confidenceOf(total.answered, total.invited), rate: total.answered / Math.max(1, total.invited) };
  if (total.band === "nearly-all") return { level: confidenceOf(total.invited - total.k + 1, total.invited), rate: null };
  return { level: "low", rate: null };
}
