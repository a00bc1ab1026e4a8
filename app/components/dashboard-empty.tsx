import type { EmptyReason } from "~/modules/dashboards/views";
import { EmptyState } from "./layout";

/** Why a dashboard has nothing to show yet, and when it will. */
export function DashboardEmpty({ state, k }: { state: EmptyReason; k: number }) {
  if (state === "computing") {
    return (
      <EmptyState title="Results are being prepared">
        Answers are released in batches of at least {k} and the figures are recomputed within a few minutes. Reload this page shortly.
      </EmptyState>
    );
  }
  if (state === "no-blocks-in-scope") {
    return (
      <EmptyState title="No team in your area has enough answers yet">
        A team shows here once at least {k} of its members have answered. Smaller teams count in their department's and the organization's
        figures, where they cannot be singled out.
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`Fewer than ${k} answers so far`}>
      Results appear when at least {k} people have answered, so that no answer can be traced to anyone. Until then, nothing is shown.
    </EmptyState>
  );
}
