import { DirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { toCsv } from "~/modules/csv";
import XMLWriter from "xml-writer";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { isPseudonym } from "~/modules/analytics/naming";
import { quadrantOf, QUADRANTS } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare, type ShareFigure } from "~/modules/analytics/shares";
import { STABILITY_LABEL } from "~/modules/analytics/stability";
import type { ExportFormat } from "./export-formats";
import { shareNote } from "./labels";
import { teamsView } from "./views";

/**
 * Downloads: CSV for every table, and the aggregated network as GEXF and GraphML (both open in
 * Gephi). They hold exactly what the member's dashboards show: the same scope, the same
 * suppression, the same noise.
 */

// The formats' names and labels live apart, so that pages listing them load none of the writers below.
export { EXPORTS, isExportFormat, type ExportFormat } from "./export-formats";

/**
 * A share as CSV columns, in percent as on the screen: numbers stay numbers; what is not shown is
 * an empty cell, with the screen's reason in its own column.
 */
function shareColumns(label: string, figure: ShareFigure | null, k: number): Record<string, number | string | null> {
  const percent = (share: number) => Math.round(share * 1000) / 10;
  return {
    [`${label} (%)`]: figure?.shown === "exact" ? percent(figure.share) : null,
    [`${label} from (%)`]: figure?.shown === "range" ? percent(figure.low) : null,
    [`${label} to (%)`]: figure?.shown === "range" ? percent(figure.high) : null,
    [`${label}: note`]: shareNote(figure, k),
  };
}

/** What joins a named row back to HR data; pseudonymous rows get neither. */
export type PersonKeys = ReadonlyMap<string, { email: string }>;

export function exportFile(analytics: WaveAnalytics, format: ExportFormat, keys: PersonKeys = new Map()): string {
  switch (format) {
    case "people.csv":
      return toCsv(
        analytics.people.map((person) => {
          const named = !isPseudonym(person.id);
          return {
            "Person id": named ? person.id : "",
            Email: named ? (keys.get(person.id)?.email ?? "") : "",
            Name: person.name,
            Title: person.title ?? "",
            Department: person.department ?? "",
            Followers: person.primaryFollowers,
            ...Object.fromEntries(analytics.nominationQuestions.map((question) => [`Chosen on “${question.prompt}”`, person.followers[question.id] ?? 0])),
            ...shareColumns("Earned share", earnedShare(person.line, analytics.k), analytics.k),
            ...shareColumns("Follow-back", person.followBack ? followBackShare(person.followBack, analytics.k) : null, analytics.k),
            "Direct reports": person.directReports,
            "People in their line": person.totalReports,
            "Indirect influence (approximate PageRank)": Number(person.pagerank.toFixed(6)),
            Quadrant: QUADRANTS[quadrantOf(person, analytics.quadrantRule)].title,
            Stability: person.stability ? STABILITY_LABEL[person.stability] : "",
          };
        }),
      );
    case "groups.csv": {
      const view = teamsView(analytics);
      const rows = [view.total, ...view.departments.map((row) => ({ ...row, label: `Department: ${row.label}` })), ...view.groups];
      return toCsv(
        rows.map((row) => ({
          group: row.label,
          responses: row.responses,
          ...Object.fromEntries(row.cells.map((cell) => [cell.construct, "suppressed" in cell ? null : Number(cell.mean.toFixed(3))])),
          authority_index: row.authorityIndex === null ? null : Number(row.authorityIndex.toFixed(3)),
        })),
      );
    }
    case "edges.csv": {
      const labels = new Map(analytics.blocks.map((block) => [block.key, block.label]));
      const names = new Map(analytics.people.map((person) => [person.id, person.name]));
      return toCsv(analytics.edges.map((edge) => ({ from_group: labels.get(edge.block) ?? edge.block, to_person: names.get(edge.personId) ?? edge.personId, nominations: edge.weight })));
    }
    case "flows.csv":
      return toCsv(analytics.flows.map((flow) => ({ from_department: flow.from, to_department: flow.to, nominations: flow.weight })));
    case "network.gexf":
      return writeGexfWellFormed(xmlSafeGraph(networkGraph(analytics)));
    case "network.graphml":
      return writeGraphml(xmlSafeGraph(networkGraph(analytics)));
  }
}

/** The aggregated influence network with the attributes Gephi users expect to colour by. */
export function networkGraph(analytics: WaveAnalytics): DirectedGraph {
  const graph = new DirectedGraph();
  for (const person of analytics.people) {
    graph.addNode(person.id, {
      label: person.name,
      kind: "person",
      department: person.department ?? "",
      followers: person.primaryFollowers,
      pagerank: person.pagerank,
      quadrant: quadrantOf(person, analytics.quadrantRule),
    });
  }
  for (const block of analytics.blocks) {
    graph.addNode(`block:${block.key}`, { label: block.label, kind: "group", department: block.department ?? "", followers: 0, pagerank: 0, quadrant: "" });
  }
  for (const edge of analytics.edges) {
    if (graph.hasNode(edge.personId)) graph.mergeEdge(`block:${edge.block}`, edge.personId, { weight: edge.weight, kind: "nomination" });
  }
  for (const entry of analytics.membership) {
    if (graph.hasNode(entry.personId)) graph.mergeEdge(entry.personId, `block:${entry.block}`, { weight: 1, kind: "member" });
  }
  return graph;
}

/**
 * XML 1.0 allows only these characters, escaped or not: a "\x01" pasted into a name in a roster
 * (or a lone surrogate) would make the whole file unreadable to Gephi and every strict parser.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHARACTER, "");
}

/**
 * A copy of the graph with every string that reaches the file (ids, labels, departments) stripped
 * of what XML forbids. Ids stay distinct: two that differ only by such characters get a suffix.
 */
function xmlSafeGraph(graph: DirectedGraph): DirectedGraph {
  const safe = new DirectedGraph();
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const clean = (attributes: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(attributes).map(([name, value]) => [xmlText(name), typeof value === "string" ? xmlText(value) : value]));
  graph.forEachNode((node, attributes) => {
    const base = xmlText(node);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    taken.add(id);
    ids.set(node, id);
    safe.addNode(id, clean(attributes));
  });
  // Edges numbered in order: graphology's own keys count graphs made in the process, so the same
  // view would write a different file in another process (or the export worker).
  let edges = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    safe.addEdgeWithKey(`e${edges++}`, ids.get(source)!, ids.get(target)!, clean(attributes));
  });
  return safe;
}

/**
 * graphology-gexf declares the viz namespace as "http:///www.gexf.net/1.1draft/viz" (three
 * slashes, and the wrong draft): not a URI. The file declares the viz namespace of its own draft, 1.2.
 */
export const GEXF_VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz";

function writeGexfWellFormed(graph: DirectedGraph): string {
  return writeGexf(graph).replace(/xmlns:viz="[^"]*"/, `xmlns:viz="${GEXF_VIZ_NAMESPACE}"`);
}

function writeGraphml(graph: DirectedGraph): string {
  const xml = new XMLWriter(true);
  xml.startDocument("1.0", "UTF-8");
  xml.startElement("graphml").writeAttribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  const nodeKeys: [string, string][] = [
    ["label", "string"],
    ["kind", "string"],
    ["department", "string"],
    ["followers", "int"],
    ["pagerank", "double"],
    ["quadrant", "string"],
  ];
  for (const [name, type] of nodeKeys) {
    xml.startElement("key").writeAttribute("id", `n_${name}`).writeAttribute("for", "node").writeAttribute("attr.name", name).writeAttribute("attr.type", type).endElement();
  }
  xml.startElement("key").writeAttribute("id", "e_weight").writeAttribute("for", "edge").writeAttribute("attr.name", "weight").writeAttribute("attr.type", "double").endElement();
  xml.startElement("key").writeAttribute("id", "e_kind").writeAttribute("for", "edge").writeAttribute("attr.name", "kind").writeAttribute("attr.type", "string").endElement();
  xml.startElement("graph").writeAttribute("id", "influence").writeAttribute("edgedefault", "directed");
  graph.forEachNode((node, attributes) => {
    xml.startElement("node").writeAttribute("id", node);
    for (const [name] of nodeKeys) xml.startElement("data").writeAttribute("key", `n_${name}`).text(String(attributes[name] ?? "")).endElement();
    xml.endElement();
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    xml.startElement("edge").writeAttribute("id", edge).writeAttribute("source", source).writeAttribute("target", target);
    xml.startElement("data").writeAttribute("key", "e_weight").text(String(attributes.weight)).endElement();
    xml.startElement("data").writeAttribute("key", "e_kind").text(String(attributes.kind)).endElement();
    xml.endElement();
  });
  xml.endElement().endElement().endDocument();
  return xml.toString();
}
