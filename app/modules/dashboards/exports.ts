import { DirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { toCsv } from "~/modules/csv";
import XMLWriter from "xml-writer";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { quadrantOf, QUADRANTS } from "~/modules/analytics/quadrant";
import { earnedShare, followBackShare, SHARE_HIDDEN_REASON, type ShareFigure } from "~/modules/analytics/shares";
import type { ExportFormat } from "./export-formats";
import { teamsView } from "./views";

/**
 * Downloads: CSV for every table, and the aggregated network as GEXF and GraphML (both open in
 * Gephi). They hold exactly what the member's dashboards show: the same scope, the same
 * suppression, the same noise.
 */

// The formats' names and labels live apart, so that pages listing them load none of the writers below.
export { EXPORTS, isExportFormat, type ExportFormat } from "./export-formats";

/** A share as CSV columns: numbers stay numbers; what is not shown is empty, with its reason beside it. */
function shareColumns(prefix: string, figure: ShareFigure | null): Record<string, number | string | null> {
  return {
    [prefix]: figure?.shown === "exact" ? Number(figure.share.toFixed(3)) : null,
    [`${prefix}_low`]: figure?.shown === "range" ? Number(figure.low.toFixed(3)) : null,
    [`${prefix}_high`]: figure?.shown === "range" ? Number(figure.high.toFixed(3)) : null,
    [`${prefix}_note`]: figure === null ? "not a manager" : figure.shown === "no" ? SHARE_HIDDEN_REASON[figure.reason] : figure.shown === "range" ? "a range: some followers' groups straddle the reporting line" : "",
  };
}

export function exportFile(analytics: WaveAnalytics, format: ExportFormat): string {
  switch (format) {
    case "people.csv":
      return toCsv(
        analytics.people.map((person) => ({
          person_id: person.id,
          name: person.name,
          title: person.title ?? "",
          department: person.department ?? "",
          followers: person.primaryFollowers,
          ...Object.fromEntries(analytics.nominationQuestions.map((question) => [`nominations_${question.key}`, person.followers[question.id] ?? 0])),
          ...shareColumns("earned_share", earnedShare(person.line, analytics.k)),
          ...shareColumns("follow_back", person.followBack ? followBackShare(person.followBack, analytics.k) : null),
          direct_reports: person.directReports,
          total_reports: person.totalReports,
          pagerank: Number(person.pagerank.toFixed(6)),
          quadrant: QUADRANTS[quadrantOf(person, analytics.quadrantRule)].title,
        })),
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
      return writeGexf(xmlSafeGraph(networkGraph(analytics)));
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
  graph.forEachEdge((_edge, attributes, source, target) => {
    safe.addEdge(ids.get(source)!, ids.get(target)!, clean(attributes));
  });
  return safe;
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
