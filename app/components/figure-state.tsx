import { HIDDEN_LABEL, hiddenReason, NOT_APPLICABLE_LABEL, NOT_APPLICABLE_REASON, type HiddenReason, type NotApplicableReason } from "~/modules/dashboards/labels";

/**
 * The two ways a figure can be missing, drawn differently: "hidden" (with a lock, and the reason
 * in a tooltip and for screen readers) and "n/a" (plain, lighter). Labels live in labels.ts.
 */
export function Hidden({ reason, k, className = "" }: { reason: HiddenReason; k: number; className?: string }) {
  const text = hiddenReason(reason, k);
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium text-slate-600 ${className}`} title={text}>
      <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3 fill-current">
        <path d="M3.5 5V3.5a2.5 2.5 0 0 1 5 0V5h.5a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h.5Zm1 0h3V3.5a1.5 1.5 0 0 0-3 0V5Z" />
      </svg>
      {HIDDEN_LABEL}
      <span className="sr-only">: {text}</span>
    </span>
  );
}

export function NotApplicable({ reason }: { reason: NotApplicableReason }) {
  const text = NOT_APPLICABLE_REASON[reason];
  return (
    <span className="text-xs text-slate-500" title={text}>
      {NOT_APPLICABLE_LABEL}
      <span className="sr-only">: {text}</span>
    </span>
  );
}

/** The legend that says what the two marks mean, once per page that uses them. */
export function MissingFiguresLegend({ k }: { k: number }) {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      <span>
        <Hidden reason="fewer-than-k" k={k} /> a figure withheld to protect anonymity (groups of fewer than {k})
      </span>
      <span>
        <span className="text-slate-500">{NOT_APPLICABLE_LABEL}</span> does not apply
      </span>
    </p>
  );
}
