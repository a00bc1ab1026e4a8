import { describe, expect, it } from "vitest";
import { DOMParser } from "@xmldom/xmldom";
import { chartSvgDocument } from "./chart-svg";
import { percentages } from "~/modules/dashboards/percentages";

describe("stacked percentages", () => {
  it("add up to exactly 100 so every bar ends at the axis", () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([2, 3, 5, 7, 11]).reduce((a, b) => a + b)).toBe(100);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });
});

describe("the downloaded chart", () => {
  it("is a whole SVG with the chart's title, its legend and the app's font", () => {
    const svg = chartSvgDocument({
      title: "Constructs & scores",
      width: 600,
      height: 300,
      body: '<g class="recharts-layer"><rect width="10" height="10"/></g>',
      legend: [
        { label: "Strongly disagree", color: "#b91c1c" },
        { label: "Agree", color: "#818cf8" },
      ],
      legendAbove: false,
      font: 'Inter, "Segoe UI", sans-serif',
    });
    const document = new DOMParser().parseFromString(svg, "image/svg+xml");
    const root = document.documentElement!;
    expect(root.tagName).toBe("svg");
    expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root.getAttribute("font-family")).toBe('Inter, "Segoe UI", sans-serif');
    expect(Number(root.getAttribute("width"))).toBe(600);
    expect(Number(root.getAttribute("height"))).toBeGreaterThan(300);
    expect(document.getElementsByTagName("title")[0]!.textContent).toBe("Constructs & scores");
    const texts = Array.from(document.getElementsByTagName("text")).map((text) => text.textContent);
    expect(texts).toEqual(["Constructs & scores", "Strongly disagree", "Agree"]);
  });

  it("puts the legend where the page draws it: below the chart, or above it", () => {
    const picture = { title: "Quadrant", width: 600, height: 300, body: '<g id="chart"/>', legend: [{ label: "Informal leader", color: "#009E73" }], font: "Inter" };
    const offsets = (legendAbove: boolean) => {
      const svg = chartSvgDocument({ ...picture, legendAbove });
      const top = (pattern: RegExp) => Number(pattern.exec(svg)?.[1]);
      return { chart: top(/translate\(0,([\d.]+)\)"><g id="chart"/), legend: top(/translate\(8,([\d.]+)\)"><rect/) };
    };
    expect(offsets(false).legend).toBeGreaterThan(offsets(false).chart + 300);
    expect(offsets(true).legend).toBeLessThan(offsets(true).chart);
    expect(offsets(true).chart).toBeGreaterThan(32);
  });
});
