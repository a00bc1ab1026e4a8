import { useEffect, useMemo, useRef, useState } from "react";
import { QUADRANT_COLORS } from "./charts";

export type NetworkNode =
  | { id: string; label: string; kind: "person"; title: string | null; department: string; quadrant: string; followers: number; pagerank: number }
  | { id: string; label: string; kind: "group"; department: string; responses: number };
export type NetworkEdge = { source: string; target: string; weight: number; kind: "nomination" | "member" | "formal" };
export type Coloring = "department" | "quadrant";

const PALETTE = ["#4338ca", "#0f766e", "#b45309", "#be185d", "#0369a1", "#4d7c0f", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#475569", "#15803d"];
const GROUP_COLOR = "#cbd5e1";

export function colorFor(node: NetworkNode, coloring: Coloring, departments: string[]): string {
  if (node.kind === "group") return GROUP_COLOR;
  if (coloring === "quadrant") return QUADRANT_COLORS[node.quadrant] ?? "#94a3b8";
  return PALETTE[Math.max(0, departments.indexOf(node.department)) % PALETTE.length]!;
}

type Props = {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  departments: string[];
  coloring: Coloring;
  showFormal: boolean;
  showGroups: boolean;
  department: string;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
};

/**
 * The influence network in WebGL (sigma.js on a graphology graph), laid out by ForceAtlas2 in a
 * web worker so the page stays responsive. Loaded only in the browser.
 */
export function NetworkGraph(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<{ refresh: () => void; kill: () => void; getCamera: () => { animate: (state: object, options: object) => void }; getNodeDisplayData: (id: string) => { x: number; y: number } | undefined } | null>(null);
  const state = useRef(props);
  state.current = props;
  const [status, setStatus] = useState<"loading" | "layout" | "ready" | "unsupported">("loading");
  const nodeIds = useMemo(() => new Set(props.nodes.map((node) => node.id)), [props.nodes]);

  useEffect(() => {
    let cancelled = false;
    let stopLayout: (() => void) | undefined;
    (async () => {
      const [{ default: Graph }, { default: Sigma }, { default: FA2Layout }, { circular }] = await Promise.all([
        import("graphology"),
        import("sigma"),
        import("graphology-layout-forceatlas2/worker"),
        import("graphology-layout"),
      ]);
      if (cancelled || !container.current) return;
      const graph = new Graph({ type: "directed", multi: true });
      const maxFollowers = Math.max(1, ...props.nodes.map((node) => (node.kind === "person" ? node.followers : 0)));
      for (const node of props.nodes) {
        graph.addNode(node.id, {
          label: node.label,
          size: node.kind === "group" ? 3 : 3 + 14 * Math.sqrt((node as { followers: number }).followers / maxFollowers),
          data: node,
        });
      }
      for (const edge of props.edges) {
        if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target, { weight: edge.weight, kind: edge.kind, size: edge.kind === "nomination" ? 0.5 + Math.min(4, edge.weight / 2) : 0.5 });
      }
      circular.assign(graph, { scale: 100 });
      let sigma;
      try {
        sigma = new Sigma(graph, container.current, {
          defaultEdgeType: "arrow",
          labelRenderedSizeThreshold: 9,
          nodeReducer: (id, attributes) => {
            const { coloring, department, selected, showGroups } = state.current;
            const node = attributes.data as NetworkNode;
            const hiddenByFilter = (department && node.department !== department) || (!showGroups && node.kind === "group");
            return {
              ...attributes,
              color: colorFor(node, coloring, state.current.departments),
              hidden: Boolean(hiddenByFilter),
              highlighted: id === selected,
              zIndex: id === selected ? 2 : node.kind === "group" ? 0 : 1,
            };
          },
          edgeReducer: (edge, attributes) => {
            const { showFormal, showGroups, selected } = state.current;
            const kind = attributes.kind as NetworkEdge["kind"];
            const hidden = (kind === "formal" && !showFormal) || (kind !== "formal" && !showGroups) || (kind === "member" && !selected);
            const touches = selected !== null && (graph.source(edge) === selected || graph.target(edge) === selected);
            return {
              ...attributes,
              hidden,
              color: kind === "formal" ? "#f59e0b" : touches ? "#4338ca" : "#e2e8f0",
              zIndex: touches ? 1 : 0,
            };
          },
        });
      } catch {
        setStatus("unsupported");
        return;
      }
      sigma.on("clickNode", ({ node }) => state.current.onSelect(node));
      sigma.on("clickStage", () => state.current.onSelect(null));
      sigma.on("enterNode", ({ node }) => state.current.onHover(node));
      sigma.on("leaveNode", () => state.current.onHover(null));
      renderer.current = sigma as unknown as typeof renderer.current;
      setStatus("layout");
      const layout = new FA2Layout(graph, { settings: { gravity: 1, scalingRatio: 8, barnesHutOptimize: graph.order > 500, slowDown: 2, edgeWeightInfluence: 0.5 } });
      layout.start();
      const timer = setTimeout(() => {
        layout.stop();
        if (!cancelled) setStatus("ready");
      }, Math.min(6_000, 1_500 + graph.order * 2));
      stopLayout = () => {
        clearTimeout(timer);
        layout.kill();
      };
    })();
    return () => {
      cancelled = true;
      stopLayout?.();
      renderer.current?.kill();
      renderer.current = null;
    };
    // The graph is rebuilt only when the data changes; display options go through the reducers.
  }, [props.nodes, props.edges]);

  useEffect(() => {
    renderer.current?.refresh();
    if (props.selected && nodeIds.has(props.selected)) {
      const position = renderer.current?.getNodeDisplayData(props.selected);
      if (position) renderer.current?.getCamera().animate({ x: position.x, y: position.y, ratio: 0.35 }, { duration: 500 });
    }
  }, [props.coloring, props.showFormal, props.showGroups, props.department, props.selected, nodeIds]);

  return (
    <div className="relative">
      <div ref={container} className="h-[560px] w-full rounded-lg bg-white ring-1 ring-slate-200" role="img" aria-label="Influence network; the table below lists the same people and figures." />
      {status !== "ready" ? (
        <p role="status" className="absolute left-3 top-3 rounded bg-white/90 px-2 py-1 text-xs text-slate-700 shadow">
          {status === "loading" ? "Loading the network…" : status === "layout" ? "Arranging the network…" : "This browser cannot draw the network (WebGL is off). The table below has the same data."}
        </p>
      ) : null}
    </div>
  );
}
