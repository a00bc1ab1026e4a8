import { drawNetwork } from "~/components/network-graph";
import { boundsOf, departmentColors, fitCamera } from "~/modules/dashboards/network-display";
import type { networkOverview, NetworkPerson } from "~/modules/dashboards/network-view";

/**
 * Runs in a bare Chromium page (bench/network.ts): draws the network as the page does, a first
 * frame and then frames of pointing at people and zooming, and reports the times.
 */
type Data = { overview: ReturnType<typeof networkOverview>; people: NetworkPerson[]; edges: [number, string, number][] };

async function frames(data: Data, count: number) {
  const canvas = document.createElement("canvas");
  const size = { width: 1100, height: 560 };
  canvas.width = size.width;
  canvas.height = size.height;
  document.body.replaceChildren(canvas);
  const context = canvas.getContext("2d")!;
  const props = { groups: data.overview.groups, links: data.overview.links, departments: data.overview.departments, people: data.people, personEdges: data.edges, colors: departmentColors(data.overview.departments), coloring: "department" as const, selected: null, hovered: null };
  const fit = fitCamera(boundsOf([...props.groups, ...props.people]), size.width, size.height);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const person = data.people[(i * 7919) % Math.max(1, data.people.length)];
    const camera = { ...fit, scale: fit.scale * (1 + (i % 4)) };
    const started = performance.now();
    drawNetwork(context, { ...props, hovered: i > 0 && person ? { kind: "person", id: person.id } : null }, person ? { ...camera, x: person.x, y: person.y } : camera, size);
    // Wait for the frame, so the time includes what the browser does with the canvas.
    await new Promise(requestAnimationFrame);
    times.push(performance.now() - started);
  }
  const sorted = times.slice(1).sort((a, b) => a - b);
  return { first: times[0]!, median: sorted[Math.floor(sorted.length / 2)] ?? times[0]!, worst: Math.max(...times) };
}

(window as unknown as { benchNetwork: typeof frames }).benchNetwork = frames;
