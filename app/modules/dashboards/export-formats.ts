/** The downloads a dashboard offers: names, types and labels only (the writers are in exports.ts, on the server). */
export const EXPORTS = {
  "people.csv": { type: "text/csv; charset=utf-8", label: "People (CSV)" },
  "groups.csv": { type: "text/csv; charset=utf-8", label: "Teams and departments (CSV)" },
  "edges.csv": { type: "text/csv; charset=utf-8", label: "Network edges (CSV)" },
  "flows.csv": { type: "text/csv; charset=utf-8", label: "Department flows (CSV)" },
  "network.gexf": { type: "application/gexf+xml; charset=utf-8", label: "Network (GEXF, for Gephi)" },
  "network.graphml": { type: "application/graphml+xml; charset=utf-8", label: "Network (GraphML)" },
} as const;

export type ExportFormat = keyof typeof EXPORTS;

export function isExportFormat(value: string | undefined): value is ExportFormat {
  return value !== undefined && value in EXPORTS;
}
