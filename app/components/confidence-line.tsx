import { CONFIDENCE_LABEL } from "~/modules/analytics/confidence";
import type { ScopeConfidence } from "~/modules/dashboards/confidence.server";

const TONE = { high: "bg-emerald-50 text-emerald-950 ring-emerald-200", directional: "bg-amber-50 text-amber-950 ring-amber-200", low: "bg-red-50 text-red-950 ring-red-200" } as const;

/** How far the network figures of this view can be trusted, from how many of its people answered. */
export function ConfidenceLine({ confidence }: { confidence: ScopeConfidence }) {
  const label = CONFIDENCE_LABEL[confidence.level];
  const people = `${confidence.invited.toLocaleString("en")} ${confidence.invited === 1 ? "person" : "people"} invited${confidence.scope === "subtree" ? " in your part of the organization" : ""}`;
  const rate =
    confidence.percent === null
      ? `The share of the ${people} who answered is shown only as a band, to say nothing about anyone.`
      : `${confidence.atLeast ? "At least " : ""}${confidence.percent}% of the ${people} answered${confidence.atLeast ? " (counting teams whose answers are shown)" : ""}.`;
  return (
    <p className={`mb-4 rounded-lg p-3 text-sm ring-1 ring-inset ${TONE[confidence.level]}`} role="note">
      <strong>{label.title}.</strong> {rate} {label.text}
    </p>
  );
}
