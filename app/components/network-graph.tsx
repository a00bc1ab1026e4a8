import { useCallback, useEffect, useImperativeHandle, useRef, forwardRef } from "react";
import type { NetworkGroup, NetworkPerson } from "~/modules/dashboards/network-view";
import { boundsOf, fitCamera, focusCamera, pickLabels, QUADRANT_PALETTE, OTHER_COLOR, zoomAt, type Camera, type LabelCandidate } from "~/modules/dashboards/network-display";

export type Coloring = "department" | "quadrant";
export type Focus = { kind: "person" | "group"; id: string } | null;

type Props = {
  groups: NetworkGroup[];
  /** [from group index, to group index, weight] */
  links: [number, number, number][];
  departments: { name: string; groups: number; x: number; y: number }[];
  people: NetworkPerson[];
  /** [from group index, person id, weight] */
  personEdges: [number, string, number][];
  colors: Map<string, string>;
  coloring: Coloring;
  selected: Focus;
  hovered: Focus;
  onHover: (focus: Focus) => void;
  onSelect: (focus: Focus) => void;
};

export type NetworkGraphHandle = { fit: () => void; focusOn: (points: Parameters<typeof focusCamera>[0]) => void };

const ZOOM_STEP = 1.5;
const GROUP_COLOR = "#475569";

/**
 * The influence network on a 2D canvas we draw ourselves. Sigma's WebGL renderer fell back to
 * software rendering in ordinary headless and virtual machines and blocked the page for 6–24 s;
 * a canvas of a few thousand shapes draws in milliseconds anywhere, and labels, hover and the
 * camera stay under our control. Positions come from the server (the layout is computed once per
 * snapshot), so nothing is laid out here.
 */
export const NetworkGraph = forwardRef<NetworkGraphHandle, Props>(function NetworkGraph(props, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const camera = useRef<Camera | null>(null);
  const state = useRef(props);
  state.current = props;
  const frame = useRef(0);
  const size = useRef({ width: 0, height: 0 });
  // Until someone zooms, pans or finds a person, the view follows the canvas's size (a phone
  // turned, a window resized) and keeps showing the whole network.
  const moved = useRef(false);

  const draw = useCallback(() => {
    frame.current = 0;
    const element = canvas.current;
    if (!element || !camera.current) return;
    const context = element.getContext("2d");
    if (context) drawNetwork(context, state.current, camera.current, size.current);
  }, []);
  const redraw = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);
  /**
   * Every change of view goes through here. The camera is published on the element at once, not
   * with the frame drawn after it, so that what a test or an inspector reads is the view the last
   * action chose (reading it a frame late made a journey flaky: issue 17).
   */
  const moveCamera = useCallback(
    (next: Camera, byViewer: boolean) => {
      camera.current = next;
      moved.current = byViewer;
      if (canvas.current) canvas.current.dataset.camera = `${next.x.toFixed(1)},${next.y.toFixed(1)},${next.scale.toFixed(4)}`;
      redraw();
    },
    [redraw],
  );
  const fit = useCallback(() => {
    const { groups, people } = state.current;
    moveCamera(fitCamera(boundsOf([...groups, ...people]), size.current.width, size.current.height), false);
  }, [moveCamera]);
  const limits = () => {
    const home = fitCamera(boundsOf([...state.current.groups, ...state.current.people]), size.current.width, size.current.height);
    return { min: home.scale / 4, max: home.scale * 60 };
  };
  const zoom = (factor: number, sx = size.current.width / 2, sy = size.current.height / 2) => {
    if (!camera.current) return;
    moveCamera(zoomAt(camera.current, factor, sx, sy, size.current.width, size.current.height, limits()), true);
  };
  const pan = (dx: number, dy: number) => {
    if (!camera.current) return;
    moveCamera({ ...camera.current, x: camera.current.x - dx / camera.current.scale, y: camera.current.y - dy / camera.current.scale }, true);
  };

  useImperativeHandle(ref, () => ({
    fit,
    // The person found and every group that chose them, in view (network-display.ts).
    focusOn: (points) => {
      const home = fitCamera(boundsOf([...state.current.groups, ...state.current.people]), size.current.width, size.current.height);
      moveCamera(focusCamera(points, home, size.current.width, size.current.height), true);
    },
  }));

  // Size to the element, sharp on high-density screens; fit on first draw and while unmoved.
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      const { width, height } = element.getBoundingClientRect();
      size.current = { width, height };
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
      element.getContext("2d")?.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (!camera.current || !moved.current) fit();
      else redraw();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
    };
  }, [fit, redraw]);

  useEffect(redraw, [props.groups, props.people, props.personEdges, props.coloring, props.selected, props.hovered, props.colors, redraw]);

  // Pointer: drag pans, a click without a drag selects, the wheel zooms at the pointer.
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const pointAt = (event: React.PointerEvent | React.MouseEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    return { sx: event.clientX - box.left, sy: event.clientY - box.top };
  };
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoom(Math.exp(-event.deltaY * 0.002), event.clientX - box.left, event.clientY - box.top);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  });

  return (
    <div className="relative">
      <canvas
        ref={canvas}
        tabIndex={0}
        role="img"
        aria-label="Influence network. Arrow keys pan, plus and minus zoom, 0 fits the whole network, Escape clears the selection. The tables below list the same groups and people."
        className="h-[560px] w-full cursor-grab touch-none rounded-lg bg-white ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
        onPointerDown={(event) => {
          drag.current = { x: event.clientX, y: event.clientY, moved: false };
          canvas.current?.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (drag.current && event.buttons) {
            const [dx, dy] = [event.clientX - drag.current.x, event.clientY - drag.current.y];
            if (drag.current.moved || Math.abs(dx) + Math.abs(dy) > 3) {
              drag.current = { x: event.clientX, y: event.clientY, moved: true };
              pan(dx, dy);
            }
            return;
          }
          if (!camera.current) return;
          const { sx, sy } = pointAt(event);
          const hit = hitTest(state.current, camera.current, size.current, sx, sy);
          if (hit?.id !== state.current.hovered?.id) state.current.onHover(hit);
        }}
        onPointerUp={(event) => {
          const wasDrag = drag.current?.moved;
          drag.current = null;
          if (wasDrag || !camera.current) return;
          const { sx, sy } = pointAt(event);
          state.current.onSelect(hitTest(state.current, camera.current, size.current, sx, sy));
        }}
        onPointerLeave={() => state.current.hovered && state.current.onHover(null)}
        onDoubleClick={(event) => {
          const { sx, sy } = pointAt(event);
          zoom(ZOOM_STEP * ZOOM_STEP, sx, sy);
        }}
        onKeyDown={(event) => {
          const step = 60;
          const actions: Record<string, () => void> = {
            "+": () => zoom(ZOOM_STEP),
            "=": () => zoom(ZOOM_STEP),
            "-": () => zoom(1 / ZOOM_STEP),
            "0": fit,
            ArrowLeft: () => pan(step, 0),
            ArrowRight: () => pan(-step, 0),
            ArrowUp: () => pan(0, step),
            ArrowDown: () => pan(0, -step),
            Escape: () => state.current.onSelect(null),
          };
          const action = actions[event.key];
          if (action) {
            event.preventDefault();
            action();
          }
        }}
      />
      <div className="absolute right-3 top-3 flex flex-col gap-1" role="group" aria-label="Zoom">
        <button type="button" className="btn-secondary h-9 w-9 p-0 text-lg" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoom(ZOOM_STEP)}>
          +
        </button>
        <button type="button" className="btn-secondary h-9 w-9 p-0 text-lg" aria-label="Zoom out" title="Zoom out (−)" onClick={() => zoom(1 / ZOOM_STEP)}>
          −
        </button>
        <button type="button" className="btn-secondary h-9 w-9 p-0 text-sm" aria-label="Fit the whole network" title="Fit the whole network (0)" onClick={fit}>
          ⤢
        </button>
      </div>
    </div>
  );
});

type Size = { width: number; height: number };
const toScreen = (camera: Camera, size: Size, x: number, y: number) => [(x - camera.x) * camera.scale + size.width / 2, (y - camera.y) * camera.scale + size.height / 2] as const;

/** On-screen radii: groups by their answers, people by their followers; both grow gently with zoom. */
function radii(camera: Camera, fitScale: number) {
  const zoomed = Math.sqrt(Math.max(1, camera.scale / fitScale));
  return {
    group: (group: NetworkGroup) => (2.5 + Math.sqrt(group.responses) * 0.6) * zoomed,
    person: (person: NetworkPerson) => (1.5 + Math.sqrt(person.followers) * 1.1) * zoomed,
  };
}

function neighbours(props: Omit<Props, "onHover" | "onSelect">): Set<string> | null {
  const focus = props.hovered ?? props.selected;
  if (!focus) return null;
  const near = new Set<string>([focus.id]);
  if (focus.kind === "person") {
    const person = props.people.find((candidate) => candidate.id === focus.id);
    if (person?.home) near.add(person.home);
    for (const [group, id] of props.personEdges) if (id === focus.id) near.add(`g${group}`);
  } else {
    const index = Number(focus.id.slice(1));
    for (const [group, id] of props.personEdges) if (group === index) near.add(id);
    for (const person of props.people) if (person.home === focus.id) near.add(person.id);
    for (const [from, to] of props.links) if (from === index) near.add(`g${to}`);
      else if (to === index) near.add(`g${from}`);
  }
  return near;
}

/** One frame of the network; exported for the benchmark, which draws it in a bare page. */
export function drawNetwork(context: CanvasRenderingContext2D, props: Omit<Props, "onHover" | "onSelect">, camera: Camera, size: Size) {
  const { groups, links, people, personEdges, colors, coloring } = props;
  const fitScale = fitCamera(boundsOf([...groups, ...people]), size.width, size.height).scale;
  const r = radii(camera, fitScale);
  const near = neighbours(props);
  const dim = (id: string) => near !== null && !near.has(id);
  const personColor = (person: NetworkPerson) => (coloring === "quadrant" ? (QUADRANT_PALETTE[person.quadrant] ?? OTHER_COLOR) : (colors.get(person.department) ?? OTHER_COLOR));
  const visible = (sx: number, sy: number, pad: number) => sx > -pad && sy > -pad && sx < size.width + pad && sy < size.height + pad;
  context.clearRect(0, 0, size.width, size.height);

  // Links between groups, thin and light; the focused node's in dark. Every link long enough on
  // screen to tell its ends apart carries a head at the end that was chosen.
  const strong: [number, number, number, number][] = [];
  const heads: [number, number, number, number, number][] = [];
  context.lineCap = "round";
  context.strokeStyle = near ? "rgba(100,116,139,0.08)" : "rgba(100,116,139,0.28)";
  context.lineWidth = 0.8;
  context.beginPath();
  for (const [from, to] of links) {
    const a = groups[from]!;
    const b = groups[to]!;
    const [ax, ay] = toScreen(camera, size, a.x, a.y);
    const [bx, by] = toScreen(camera, size, b.x, b.y);
    if (near && near.has(a.id) && near.has(b.id) && (props.hovered ?? props.selected)?.kind === "group") strong.push([ax, ay, bx, by]);
    else {
      context.moveTo(ax, ay);
      context.lineTo(bx, by);
      if (visible(bx, by, 0)) heads.push([ax, ay, bx, by, r.group(b)]);
    }
  }
  context.stroke();
  // Nominations from groups to the people shown.
  const groupIndexOfFocus = (props.hovered ?? props.selected)?.kind === "group" ? Number((props.hovered ?? props.selected)!.id.slice(1)) : -1;
  const focusId = (props.hovered ?? props.selected)?.id;
  const place = new Map(people.map((person) => [person.id, person]));
  context.strokeStyle = near ? "rgba(100,116,139,0.06)" : "rgba(100,116,139,0.22)";
  context.beginPath();
  for (const [group, id] of personEdges) {
    const person = place.get(id);
    if (!person) continue;
    const [ax, ay] = toScreen(camera, size, groups[group]!.x, groups[group]!.y);
    const [bx, by] = toScreen(camera, size, person.x, person.y);
    if (id === focusId || group === groupIndexOfFocus) strong.push([ax, ay, bx, by]);
    else {
      context.moveTo(ax, ay);
      context.lineTo(bx, by);
      if (visible(bx, by, 0)) heads.push([ax, ay, bx, by, r.person(person)]);
    }
  }
  context.stroke();
  context.fillStyle = near ? "rgba(100,116,139,0.10)" : "rgba(100,116,139,0.45)";
  context.beginPath();
  for (const [ax, ay, bx, by, radius] of heads) if (Math.hypot(bx - ax, by - ay) > 36) arrowHead(context, ax, ay, bx, by, radius + 1, 4);
  context.fill();
  context.strokeStyle = "#1e293b";
  context.fillStyle = "#1e293b";
  context.lineWidth = 1.4;
  for (const [ax, ay, bx, by] of strong) arrow(context, ax, ay, bx, by, 6);

  // Groups as squares, people as circles: one path per colour and brightness, since a fill per
  // shape is what makes tens of thousands of shapes slow.
  const batches = new Map<string, { color: string; alpha: number; shapes: [number, number, number, boolean][] }>();
  const batch = (color: string, alpha: number, shape: [number, number, number, boolean]) => {
    const key = `${color}|${alpha}`;
    const entry = batches.get(key) ?? { color, alpha, shapes: [] };
    batches.set(key, entry);
    entry.shapes.push(shape);
  };
  for (const group of groups) {
    const [sx, sy] = toScreen(camera, size, group.x, group.y);
    const radius = r.group(group);
    if (visible(sx, sy, radius)) batch(colors.get(group.department) ?? OTHER_COLOR, dim(group.id) ? 0.15 : 1, [sx, sy, radius, true]);
  }
  for (const person of people) {
    const [sx, sy] = toScreen(camera, size, person.x, person.y);
    const radius = r.person(person);
    if (visible(sx, sy, radius)) batch(personColor(person), dim(person.id) ? 0.12 : 1, [sx, sy, radius, false]);
  }
  // Squares under circles, dimmed under bright.
  const ordered = [...batches.values()].sort((a, b) => a.alpha - b.alpha);
  for (const squares of [true, false]) {
    for (const { color, alpha, shapes } of ordered) {
      context.globalAlpha = alpha;
      context.beginPath();
      for (const [sx, sy, radius, square] of shapes) {
        if (square !== squares) continue;
        if (square) context.rect(sx - radius, sy - radius, radius * 2, radius * 2);
        else {
          context.moveTo(sx + radius, sy);
          context.arc(sx, sy, radius, 0, 2 * Math.PI);
        }
      }
      context.fillStyle = color;
      context.fill();
      context.lineWidth = squares ? 1 : 0.8;
      context.strokeStyle = squares ? GROUP_COLOR : "#ffffff";
      context.stroke();
    }
  }
  // The focused node, outlined.
  const focused = focusId ? (people.find((person) => person.id === focusId) ?? groups.find((group) => group.id === focusId)) : undefined;
  if (focused) {
    const [sx, sy] = toScreen(camera, size, focused.x, focused.y);
    const radius = "followers" in focused ? r.person(focused) : r.group(focused);
    context.globalAlpha = 1;
    context.lineWidth = 3;
    context.strokeStyle = "#111827";
    context.beginPath();
    if ("followers" in focused) context.arc(sx, sy, radius + 1, 0, 2 * Math.PI);
    else context.rect(sx - radius - 1, sy - radius - 1, 2 * radius + 2, 2 * radius + 2);
    context.stroke();
  }
  context.globalAlpha = 1;
  drawLabels(context, props, camera, size, r, near);
}

function arrow(context: CanvasRenderingContext2D, ax: number, ay: number, bx: number, by: number, head: number) {
  context.beginPath();
  context.moveTo(ax, ay);
  context.lineTo(bx, by);
  context.stroke();
  context.beginPath();
  arrowHead(context, ax, ay, bx, by, 6, head);
  context.fill();
}

/** Adds to the current path a head pointing at (bx, by), stopped `short` of it so it shows beside the node. */
function arrowHead(context: CanvasRenderingContext2D, ax: number, ay: number, bx: number, by: number, short: number, head: number) {
  const angle = Math.atan2(by - ay, bx - ax);
  const length = Math.hypot(bx - ax, by - ay);
  const [tx, ty] = [ax + Math.cos(angle) * Math.max(0, length - short), ay + Math.sin(angle) * Math.max(0, length - short)];
  context.moveTo(tx, ty);
  context.lineTo(tx - head * Math.cos(angle - 0.45), ty - head * Math.sin(angle - 0.45));
  context.lineTo(tx - head * Math.cos(angle + 0.45), ty - head * Math.sin(angle + 0.45));
  context.closePath();
}

/** Department names always; then people and groups, largest first, wherever they fit. */
function drawLabels(context: CanvasRenderingContext2D, props: Omit<Props, "onHover" | "onSelect">, camera: Camera, size: Size, r: ReturnType<typeof radii>, near: Set<string> | null) {
  const candidates: (LabelCandidate & { text: string; font: string; dx: number })[] = [];
  // Only the most important few hundred on screen are measured: measuring is the costly part.
  const wanted: { id: string; text: string; sx: number; sy: number; priority: number; font: string; offset: number }[] = [];
  const add = (id: string, text: string, x: number, y: number, priority: number, font: string, offset: number) => {
    const [sx, sy] = toScreen(camera, size, x, y);
    if (sx < -200 || sy < -50 || sx > size.width + 200 || sy > size.height + 50) return;
    wanted.push({ id, text, sx, sy, priority, font, offset });
  };
  for (const department of props.departments) if (department.groups > 0) add(`d:${department.name}`, department.name, department.x, department.y, 1e9, "600 14px 'Inter Variable', system-ui, sans-serif", -0);
  for (const person of props.people) if (!near || near.has(person.id)) add(person.id, person.label, person.x, person.y, (near?.has(person.id) ? 1e8 : 0) + person.followers * 10 + (person.named ? 1 : 0), "12px 'Inter Variable', system-ui, sans-serif", r.person(person) + 3);
  const zoomedIn = camera.scale > fitCamera(boundsOf(props.groups), size.width, size.height).scale * 2.5;
  for (const group of props.groups) if ((near && near.has(group.id)) || zoomedIn) add(group.id, group.label, group.x, group.y, (near?.has(group.id) ? 1e8 : 0) + group.responses, "11px 'Inter Variable', system-ui, sans-serif", r.group(group) + 3);
  for (const label of wanted.sort((a, b) => b.priority - a.priority).slice(0, 400)) {
    context.font = label.font;
    const width = context.measureText(label.text).width + 6;
    // Department names are centred on their groups; others sit to the right of their node.
    const x = label.id.startsWith("d:") ? label.sx - width / 2 : label.sx + label.offset - 3;
    candidates.push({ id: label.id, text: label.text, font: label.font, dx: label.offset, x, y: label.sy - 9, width, height: 18, priority: label.priority });
  }
  const focusId = (props.hovered ?? props.selected)?.id;
  for (const label of pickLabels(candidates, size, 120)) {
    const candidate = label as (typeof candidates)[number];
    context.font = candidate.font;
    context.fillStyle = "rgba(255,255,255,0.85)";
    context.fillRect(candidate.x, candidate.y, candidate.width, candidate.height);
    context.fillStyle = candidate.id === focusId ? "#111827" : candidate.id.startsWith("d:") ? "#1e293b" : "#334155";
    context.textBaseline = "middle";
    context.fillText(candidate.text, candidate.x + 3, candidate.y + 9);
  }
}

/** The person or group under the pointer: people first, they are drawn on top. */
function hitTest(props: Props, camera: Camera, size: Size, sx: number, sy: number): Focus {
  const r = radii(camera, fitCamera(boundsOf([...props.groups, ...props.people]), size.width, size.height).scale);
  let best: Focus = null;
  let bestDistance = Infinity;
  for (const person of props.people) {
    const [x, y] = toScreen(camera, size, person.x, person.y);
    const distance = Math.hypot(x - sx, y - sy);
    if (distance <= Math.max(5, r.person(person) + 2) && distance < bestDistance) [best, bestDistance] = [{ kind: "person", id: person.id }, distance];
  }
  if (best) return best;
  for (const group of props.groups) {
    const [x, y] = toScreen(camera, size, group.x, group.y);
    const radius = Math.max(5, r.group(group) + 2);
    if (Math.abs(x - sx) <= radius && Math.abs(y - sy) <= radius) {
      const distance = Math.hypot(x - sx, y - sy);
      if (distance < bestDistance) [best, bestDistance] = [{ kind: "group", id: group.id }, distance];
    }
  }
  return best;
}
