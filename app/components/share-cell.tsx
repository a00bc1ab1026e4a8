import { formatShare, SHARE_HIDDEN_REASON, type ShareFigure } from "~/modules/analytics/shares";
import { Hidden, NotApplicable } from "./figure-state";

/**
 * A share that names a person, as the truth rule allows: a figure, a range when some followers'
 * groups straddle the line, or "hidden" with its reason. "Does not apply" is a different thing
 * (not a manager) and reads differently.
 */
export function ShareCell({ figure }: { figure: ShareFigure | null }) {
  if (figure === null) return <NotApplicable reason="no-team" />;
  if (figure.shown === "no") {
    if (figure.reason === "no-followers") {
      return (
        <span className="text-slate-600" title={SHARE_HIDDEN_REASON[figure.reason]}>
          none chose
        </span>
      );
    }
    // Share reasons do not depend on k.
    return <Hidden reason={figure.reason} k={0} />;
  }
  const partial = figure.known < figure.total;
  return (
    <span title={partial ? `${figure.known} of ${figure.total} known` : undefined}>
      {formatShare(figure)}
      {partial ? <span className="block text-xs text-slate-500">{figure.known} of {figure.total} known</span> : null}
    </span>
  );
}
