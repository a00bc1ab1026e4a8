import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { LIKERT_LABELS } from "~/modules/surveys/labels";
import { chartSvgDocument, pictureFromFrame } from "./chart-svg";
import { percentages } from "~/modules/dashboards/percentages";

/** Charts render in the browser only; on the server (and without JavaScript) the table beside each chart carries the figures. */
function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

export function ChartFrame({ title, description, children, height = 280, fileName }: { title: string; description?: ReactNode; children: ReactNode; height?: number; fileName: string }) {
  const mounted = useMounted();
  const frame = useRef<HTMLDivElement>(null);
  const download = () => {
    const picture = frame.current ? pictureFromFrame(frame.current, title) : null;
    if (!picture) return;
    const blob = new Blob([chartSvgDocument(picture)], { type: "image/svg+xml" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${fileName}.svg`;
    link.click();
    // Revoked once the browser has started the download, not before.
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  return (
    <figure className="card p-5">
      <div className="flex items-start justify-between gap-3">
        <figcaption>
          <span className="font-semibold">{title}</span>
          {description ? <span className="mt-1 block text-sm text-slate-600">{description}</span> : null}
        </figcaption>
        {mounted ? (
          <button type="button" onClick={download} className="btn-ghost whitespace-nowrap text-xs" aria-label={`Download SVG: ${title}`}>
            Download SVG
          </button>
        ) : null}
      </div>
      <div ref={frame} className="mt-4" style={{ height }}>
        {mounted ? (
          <ResponsiveContainer width="100%" height="100%">
            {children as React.ReactElement}
          </ResponsiveContainer>
        ) : (
          <div className="flex h-full items-center justify-center rounded bg-slate-50 text-sm text-slate-500">Chart loads with JavaScript; the table has the same figures.</div>
        )}
      </div>
    </figure>
  );
}

const LIKERT_COLORS = ["#b91c1c", "#f87171", "#cbd5e1", "#818cf8", "#4338ca"];

/**
 * Legends in the order the series are given (recharts sorts them by name unless told not to) and
 * in dark text: a pale series colour is fine for a swatch but not for words.
 */
const LEGEND = { itemSorter: null, wrapperStyle: { fontSize: 12 }, formatter: (value: unknown) => <span style={{ color: "#334155" }}>{String(value)}</span> } as const;

export function DistributionChart({ rows }: { rows: { label: string; distribution: number[] }[] }) {
  const data = rows.map((row) => {
    // Whole percentages that add up to exactly 100, so that every bar has the same length.
    const shares = percentages(row.distribution);
    return Object.fromEntries([["label", row.label], ...shares.map((share, i) => [LIKERT_LABELS[i]!, share])]);
  });
  return (
    <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => `${value}%`} />
      <Legend {...LEGEND} />
      {LIKERT_LABELS.map((label, i) => (
        <Bar key={label} dataKey={label} stackId="likert" fill={LIKERT_COLORS[i]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

const LINE_COLORS = ["#4338ca", "#0891b2", "#b45309", "#be185d", "#15803d", "#7c3aed", "#475569"];

export function TrendChart({ series, domain }: { series: { label: string; points: { wave: number; value: number | null }[] }[]; domain?: [number, number] }) {
  const waves = [...new Set(series.flatMap((s) => s.points.map((p) => p.wave)))].sort((a, b) => a - b);
  const data = waves.map((wave) => Object.fromEntries([["wave", `Wave ${wave}`], ...series.map((s) => [s.label, s.points.find((p) => p.wave === wave)?.value ?? null])]));
  return (
    <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
      <CartesianGrid stroke="#e2e8f0" />
      <XAxis dataKey="wave" tick={{ fontSize: 12 }} />
      <YAxis domain={domain ?? ["auto", "auto"]} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(2) : "hidden")} />
      <Legend {...LEGEND} />
      {series.map((s, i) => (
        <Line key={s.label} type="monotone" dataKey={s.label} stroke={LINE_COLORS[i % LINE_COLORS.length]} strokeWidth={2} connectNulls={false} isAnimationActive={false} dot />
      ))}
    </LineChart>
  );
}

export const QUADRANT_COLORS: Record<string, string> = {
  "leader-with-authority": "#4338ca",
  "informal-leader": "#0f766e",
  "positional-manager": "#b45309",
  contributor: "#94a3b8",
};

type Position = { directReports: number; followers: number; quadrant: string; count: number; label: string };

function PositionTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Position }[] }) {
  const position = active ? payload?.[0]?.payload : undefined;
  if (!position) return null;
  const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${n === 1 ? word : `${word}s`}`;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-sm shadow-lg ring-1 ring-slate-200">
      <p className="font-semibold text-slate-900">{position.label}</p>
      <p className="text-slate-700">
        {plural(position.directReports, "direct report")} · {plural(position.followers, "follower")}
      </p>
      {position.count > 1 ? <p className="text-xs text-slate-600">Select to list them</p> : null}
    </div>
  );
}

/**
 * People aggregated by position: one point per (direct reports, followers) pair, sized by how many
 * sit there and labelled with the count, so that 39 people never look like 15 and the page draws
 * one element per position rather than per person. Selecting a point lists the people there.
 */
export function QuadrantChart({ positions, informalThreshold, labels, onSelect }: { positions: Position[]; informalThreshold: number; labels: Record<string, string>; onSelect: (position: Position) => void }) {
  const largest = Math.max(2, ...positions.map((position) => position.count));
  // Area by count, but a shared position always large enough to carry its number.
  const area = (count: number) => (count === 1 ? 60 : 260 + ((count - 2) / Math.max(1, largest - 2)) * 640);
  const groups = Object.keys(QUADRANT_COLORS).map((quadrant) => ({ quadrant, data: positions.filter((position) => position.quadrant === quadrant).map((position) => ({ ...position, area: area(position.count) })) }));
  const widest = Math.max(1, ...positions.map((position) => position.directReports));
  return (
    <ScatterChart margin={{ left: 8, right: 24, top: 8, bottom: 24 }}>
      <CartesianGrid stroke="#e2e8f0" />
      <XAxis type="number" dataKey="directReports" name="Direct reports" domain={[0, "auto"]} allowDecimals={false} tick={{ fontSize: 12 }} label={{ value: "Formal authority: direct reports", position: "bottom", offset: 4, fontSize: 12, fill: "#334155" }} />
      <YAxis type="number" dataKey="followers" name="Followers" domain={[0, "auto"]} allowDecimals={false} tick={{ fontSize: 12 }} label={{ value: "Earned: followers", angle: -90, position: "insideLeft", fontSize: 12, fill: "#334155", style: { textAnchor: "middle" } }} />
      <ZAxis type="number" dataKey="area" domain={[60, 900]} range={[60, 900]} />
      <Tooltip cursor={{ strokeDasharray: "3 3" }} content={PositionTooltip} />
      {/* Without reports: informal leader from the threshold up. With reports: followers at least half the team. */}
      <ReferenceLine segment={[{ x: 0, y: informalThreshold - 0.5 }, { x: 0.5, y: informalThreshold - 0.5 }]} stroke="#64748b" strokeDasharray="4 4" />
      <ReferenceLine x={0.5} stroke="#64748b" strokeDasharray="4 4" />
      <ReferenceLine segment={[{ x: 1, y: 0.5 }, { x: widest, y: widest / 2 }]} stroke="#64748b" strokeDasharray="4 4" />
      <Legend {...LEGEND} verticalAlign="top" height={32} />
      {groups.map((group) => (
        <Scatter
          key={group.quadrant}
          name={labels[group.quadrant]}
          data={group.data}
          fill={QUADRANT_COLORS[group.quadrant]}
          fillOpacity={0.85}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(entry) => onSelect((entry as unknown as { payload: Position }).payload)}
        >
          <LabelList dataKey="count" position="center" fill="#ffffff" fontSize={11} formatter={(value: unknown) => (Number(value) > 1 ? String(value) : "")} />
        </Scatter>
      ))}
    </ScatterChart>
  );
}

export function DivergingBars({ rows }: { rows: { label: string; value: number }[] }) {
  return (
    <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 24 }}>
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" domain={[-4, 4]} ticks={[-4, -2, 0, 2, 4]} tick={{ fontSize: 12 }} />
      <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(2) : value)} />
      <ReferenceLine x={0} stroke="#334155" />
      <Bar dataKey="value" name="Earned − positional" isAnimationActive={false}>
        {rows.map((row) => (
          <Cell key={row.label} fill={row.value >= 0 ? "#4338ca" : "#b45309"} />
        ))}
      </Bar>
    </BarChart>
  );
}
