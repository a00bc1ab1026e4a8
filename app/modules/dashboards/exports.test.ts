import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import Papa from "papaparse";
import { applyNaming } from "~/modules/analytics/naming";
import { EXPORTS, exportFile, GEXF_VIZ_NAMESPACE, xmlText, type ExportFormat } from "./exports";

/** Every kind of character XML 1.0 refuses (the name below adds the ones it must escape). */
const FORBIDDEN = [
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter((char) => !"\t\n\r".includes(char)),
  "\uDFFF", // lone surrogates: a trailing one first, so that the two never pair up
  "\uD800",
  "\uFFFE",
  "\uFFFF",
];
const HOSTILE = `A\u0001B${FORBIDDEN.join("")}<&>"'`;
/** The XML 1.0 Char production: what a strict parser (Gephi's, libxml2) accepts. */
const XML_CHARACTERS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** The small fixture org with a name and a department no XML file could carry as they are. */
function hostileAnalytics() {
  const input = smallOrg();
  const department = `Eng${HOSTILE}`;
  const rename = (segment: string) => segment.replace(":Eng", `:${department}`);
  return computeWaveAnalytics({
    ...input,
    people: input.people.map((person) => ({
      ...person,
      name: person.id === "m1" ? `Mia\u0001${HOSTILE}` : person.name,
      department: person.department === "Eng" ? department : person.department,
    })),
    memberships: input.memberships.map((membership) => ({ ...membership, segment: rename(membership.segment) })),
    responses: input.responses.map((response) => ({ ...response, group: rename(response.group) })),
    nominations: input.nominations.map((nomination) => ({ ...nomination, group: rename(nomination.group) })),
    participation: input.participation.map((row) => (row.department === "Eng" ? { ...row, department } : row)),
  });
}

function parseXml(text: string) {
  const problems: string[] = [];
  const document = new DOMParser({ onError: (level, message) => level !== "warning" && problems.push(`${level}: ${message}`) }).parseFromString(text, "text/xml");
  return { document, problems };
}

describe("network exports", () => {
  const analytics = hostileAnalytics();
  const xmlFormats = (Object.keys(EXPORTS) as ExportFormat[]).filter((format) => format.endsWith(".gexf") || format.endsWith(".graphml"));

  it("are checked on a fixture that really carries forbidden characters", () => {
    expect(analytics.people.some((person) => person.name.includes("\u0001"))).toBe(true);
    expect(xmlFormats).toEqual(["network.gexf", "network.graphml"]);
  });

  for (const format of xmlFormats) {
    it(`${format} parses, holds only characters XML allows, and keeps every node and name`, () => {
      const text = exportFile(analytics, format);
      // xmldom checks structure but not characters: the Char production is checked separately.
      expect(XML_CHARACTERS.test(text)).toBe(true);
      const { document, problems } = parseXml(text);
      expect(problems).toEqual([]);
      const nodes = Array.from(document.getElementsByTagName("node"));
      expect(nodes).toHaveLength(analytics.people.length + analytics.blocks.length);
      const ids = nodes.map((node) => node.getAttribute("id"));
      expect(new Set(ids).size).toBe(ids.length);
      // GEXF keeps the label in an attribute, GraphML in a data element: either way it reads back whole.
      const labels = nodes.map(
        (node) => node.getAttribute("label") || Array.from(node.getElementsByTagName("data")).find((data) => data.getAttribute("key") === "n_label")?.textContent,
      );
      expect(labels).toContain(`MiaAB<&>"'`);
    });
  }

  it("keeps the text XML allows, emoji and accents included", () => {
    expect(xmlText("Zoë 👩‍💻 \t\n\r")).toBe("Zoë 👩‍💻 \t\n\r");
    expect(xmlText("a\u0000b\u0008c\u000bd\u001fe\uFFFEf\uD800g")).toBe("abcdefg");
  });
});

describe("people.csv", () => {
  const analytics = applyNaming(computeWaveAnalytics(smallOrg()), {
    naming: "formal-roles",
    consented: new Set(),
    viewer: "analyst",
    pseudonym: (id) => `anonymous-${id.length}x`,
  });
  const keys = new Map(["ceo", "m1", "m2", "e1"].map((id) => [id, { email: `${id}@example.test` }]));
  const rows = Papa.parse<Record<string, string>>(exportFile(analytics, "people.csv", keys), { header: true, skipEmptyLines: true }).data;

  it("joins named people back to HR data by id and email, and pseudonymous rows by neither", () => {
    const m1 = rows.find((row) => row.Name === "M1")!;
    expect(m1["Person id"]).toBe("m1");
    expect(m1.Email).toBe("m1@example.test");
    const anonymous = rows.filter((row) => row.Name!.startsWith("Someone"));
    expect(anonymous.length).toBeGreaterThan(0);
    for (const row of anonymous) {
      expect(row["Person id"]).toBe("");
      expect(row.Email).toBe("");
    }
  });

  it("keeps numeric columns numeric: an empty cell where a figure is hidden, the reason in its own column", () => {
    for (const row of rows) {
      for (const column of ["Followers", "Earned share (%)", "Follow-back (%)", "Direct reports", "Indirect influence (approximate PageRank)"]) {
        expect(row[column] === "" || Number.isFinite(Number(row[column])), `${column}: ${row[column]}`).toBe(true);
      }
      expect(Object.values(row)).not.toContain("suppressed");
    }
    const m1 = rows.find((row) => row.Name === "M1")!;
    expect(m1["Earned share (%)"]).toBe("50");
    expect(m1["Follow-back (%)"]).toBe("75");
    const ceo = rows.find((row) => row.Name === "CEO")!;
    expect(ceo["Earned share (%)"]).toBe("");
    expect(ceo["Earned share: note"]).toMatch(/minimum group size/);
    expect(rows.find((row) => row.Name!.startsWith("Someone"))!["Follow-back: note"]).toMatch(/^Does not apply/);
  });

  it("uses the screen's labels for places and stability", () => {
    expect(new Set(rows.map((row) => row.Quadrant))).toEqual(new Set(["Leaders with authority", "Positional managers", "Contributors"]));
  });
});

describe("network.gexf", () => {
  it("declares its namespaces as URIs", () => {
    const { document, problems } = parseXml(exportFile(computeWaveAnalytics(smallOrg()), "network.gexf"));
    expect(problems).toEqual([]);
    const root = document.documentElement!;
    expect(root.getAttribute("xmlns")).toBe("http://www.gexf.net/1.2draft");
    expect(root.getAttribute("xmlns:viz")).toBe(GEXF_VIZ_NAMESPACE);
    for (const attribute of ["xmlns", "xmlns:viz"]) expect(root.getAttribute(attribute)).toMatch(/^http:\/\/[a-z0-9.-]+\/[\w./-]*$/);
  });
});
