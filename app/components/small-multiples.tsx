import type { Metric } from "~/modules/dashboards/findings";
import { sparkline } from "~/modules/dashboards/findings";
import { Hidden, NotApplicable } from "./figure-state";

const WIDTH = 160;
const HEIGHT = 40;

/**
 * Trends as small multiples: one figure per card, each on its own scale, with the change since
 * the previous wave in words. Plain SVG drawn on the server, so it reads without JavaScript too.
 */
export function SmallMultiples({ metrics, k }: { metrics: Metric[]; k: number }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {metrics.map((metric) => {
        const format = (value: number) => value.toFixed(metric.digits);
        const delta = metric.delta;
        const roundedDelta = delta === null ? null : Number(delta.toFixed(metric.digits));
        const waves = metric.points.map((point) => point.wave);
        const line = sparkline(metric.points.map((point) => point.value), WIDTH, HEIGHT);
        return (
          <li key={metric.key} className="card p-4">
            <p className="text-sm text-slate-600">{metric.label}</p>
            <p className="mt-1 flex items-baseline gap-2">
              <span className="text-2xl font-semibold tabular-nums">{metric.current === null ? <Hidden reason="fewer-than-k" k={k} /> : format(metric.current)}</span>
              <span className="text-xs text-slate-500">{metric.unit.trim()}</span>
            </p>
            <p className="text-sm tabular-nums">
              {metric.points.length < 2 ? (
                <NotApplicable reason="first-wave" />
              ) : roundedDelta === null ? (
                <span className="text-slate-600">
                  change: <Hidden reason="fewer-than-k" k={k} />
                </span>
              ) : (
                <span className={roundedDelta === 0 ? "text-slate-600" : roundedDelta > 0 === (metric.better === "up") ? "text-indigo-800" : "text-amber-800"}>
                  {roundedDelta > 0 ? "▲ +" : roundedDelta < 0 ? "▼ −" : "± "}
                  {format(Math.abs(roundedDelta))} since wave {waves.at(-2)}
                </span>
              )}
            </p>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 h-10 w-full" role="img" aria-label={`${metric.label} by wave: ${metric.points.map((point) => `wave ${point.wave} ${point.value === null ? "hidden" : format(point.value)}`).join(", ")}`}>
              <path d={line.path} fill="none" stroke="#4338ca" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
              {line.dots.map((dot, i) => (
                <circle key={i} cx={dot.x} cy={dot.y} r={2.5} fill="#4338ca" />
              ))}
            </svg>
            <p className="flex justify-between text-xs text-slate-500">
              <span>Wave {waves[0]}</span>
              <span>Wave {waves.at(-1)}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
