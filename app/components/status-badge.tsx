import type { WaveStatus } from "@db/schema";
import { STATUS_LABEL } from "~/modules/surveys/labels";

const TONES: Record<WaveStatus, string> = {
  draft: "bg-slate-100 text-slate-800 ring-slate-300",
  scheduled: "bg-sky-50 text-sky-900 ring-sky-200",
  open: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  closed: "bg-slate-800 text-white ring-slate-800",
};

export function StatusBadge({ status }: { status: WaveStatus }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[status]}`}>{STATUS_LABEL[status]}</span>;
}
