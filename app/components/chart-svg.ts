/**
 * The file "Download SVG" saves: the chart itself (not a legend icon), with its title above, its
 * legend drawn into the picture (recharts draws the legend in HTML, outside the SVG), and the
 * app's font named, so that it reads the same on a slide as on the page: the legend sits where the
 * page draws it, above the chart or below.
 */

export type ChartPicture = { title: string; width: number; height: number; body: string; legend: { label: string; color: string }[]; legendAbove: boolean; font: string };

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);

const TITLE_BAND = 32;
const LEGEND_ROW = 20;
/** An estimate of text width at 12px, enough to lay legend entries out without overlap. */
const textWidth = (text: string) => text.length * 7 + 28;

function legendRows(legend: ChartPicture["legend"], width: number): { label: string; color: string; x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return legend.map((entry) => {
    if (x > 0 && x + textWidth(entry.label) > width) {
      x = 0;
      row++;
    }
    const placed = { ...entry, x, row };
    x += textWidth(entry.label);
    return placed;
  });
}

export function chartSvgDocument(picture: ChartPicture): string {
  const width = Math.round(picture.width);
  const placed = legendRows(picture.legend, width - 16);
  const legendHeight = placed.length === 0 ? 0 : (placed.at(-1)!.row + 1) * LEGEND_ROW + 8;
  const height = Math.round(TITLE_BAND + picture.height + legendHeight);
  const [legendTop, chartTop] = picture.legendAbove ? [TITLE_BAND, TITLE_BAND + legendHeight] : [TITLE_BAND + picture.height + 8, TITLE_BAND];
  const legend = placed
    .map(
      (entry) =>
        `<g transform="translate(${8 + entry.x},${legendTop + entry.row * LEGEND_ROW})"><rect width="12" height="12" rx="2" fill="${escapeXml(entry.color)}"/><text x="18" y="10" font-size="12" fill="#334155">${escapeXml(entry.label)}</text></g>`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(picture.font)}">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="22" font-size="16" font-weight="600" fill="#0f172a">${escapeXml(picture.title)}</text>`,
    `<g transform="translate(0,${chartTop})">${picture.body}</g>`,
    legend,
    `</svg>`,
  ].join("");
}

/** Reads the drawn chart out of its frame: the main surface and the legend entries. */
export function pictureFromFrame(frame: HTMLElement, title: string): ChartPicture | null {
  const surfaces = [...frame.querySelectorAll<SVGSVGElement>("svg.recharts-surface")];
  // The chart's own surface is the largest; legend icons are 14×14 surfaces of their own.
  const chart = surfaces.sort((a, b) => area(b) - area(a))[0];
  if (!chart) return null;
  const box = chart.getBoundingClientRect();
  const legend = [...frame.querySelectorAll<HTMLElement>(".recharts-legend-item")].map((item) => {
    const icon = item.querySelector("path, line, rect");
    return { label: item.textContent?.trim() ?? "", color: icon?.getAttribute("fill") && icon.getAttribute("fill") !== "none" ? icon.getAttribute("fill")! : (icon?.getAttribute("stroke") ?? "#334155") };
  });
  const legendBox = frame.querySelector(".recharts-legend-wrapper")?.getBoundingClientRect();
  return {
    title,
    width: box.width,
    height: box.height,
    body: [...chart.childNodes].map((node) => new XMLSerializer().serializeToString(node)).join(""),
    legend,
    legendAbove: legendBox !== undefined && legendBox.top < box.top + box.height / 2,
    font: getComputedStyle(document.body).fontFamily,
  };
}

function area(svg: SVGSVGElement): number {
  const box = svg.getBoundingClientRect();
  return box.width * box.height;
}
