import { formatShare, SHARE_HIDDEN_REASON, type ShareFigure } from "~/modules/analytics/shares";

/**
 * A share that names a person, as the truth rule allows: a figure, a range when some followers'
 * groups straddle the line, or "hidden" with its reason. "Does not apply" is a different thing
 * (not a manager) and reads differently.
 */
export function ShareCell({ figure }: { figure: ShareFigure | null }) {
  if (figure === null) return <span className="text-slate-400">n/a</span>;
  if (figure.shown === "no") {
    return (
      <span className="text-slate-500" title={SHARE_HIDDEN_REASON[figure.reason]}>
        {figure.reason === "no-followers" ? "none chose" : "hidden"}
        <span className="sr-only">: {SHARE_HIDDEN_REASON[figure.reason]}</span>
      </span>
    );
  }
  const partial = figure.known < figure.total;
  return (
    <span title={partial ? `${figure.known} of ${figure.total} known` : undefined}>
      {formatShare(figure)}
      {partial ? <span className="block text-xs text-slate-500">{figure.known} of {figure.total} known</span> : null}
    </span>
  );
}
