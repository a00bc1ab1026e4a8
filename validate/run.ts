import "./environment";
import { closeDatabase } from "@db/connection";
import { checkDataset, loadDatasets, QUESTION_KEYS } from "./datasets";
import { compare, formatSummary, formatTable, referenceFigures, type Row } from "./compare";
import { playDatasets } from "./play";

/**
 * npm run validate [-- --report] [-- --details] [-- --only=name] [-- --fresh] [-- --against=entered]
 *
 * Plays each published network through the product on a fresh in-memory database and prints, per
 * dataset, the product's figures against the identified network's. Exits non-zero when a target is
 * missed, unless --report is given (print only). --details lists every figure that differs;
 * --fresh starts a new database for each dataset instead of one organization each.
 * --against=entered compares with the network of the ties actually entered instead of the
 * published one: a diagnostic that leaves out what the limits lost, to show the computation's own
 * error. The targets are met only against the published network.
 */
const args = process.argv.slice(2);
const reportOnly = args.includes("--report");
const showDetails = args.includes("--details");
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const againstEntered = args.includes("--against=entered");
const started = performance.now();

const datasets = loadDatasets().filter((dataset) => !only || dataset.name === only);
if (datasets.length === 0) {
  console.error(`No dataset named ${only}.`);
  process.exit(2);
}

for (const dataset of datasets) {
  const problems = checkDataset(dataset);
  if (problems.length > 0) throw new Error(`${dataset.name}: ${problems.slice(0, 5).join("; ")}`);
}
const played = await playDatasets(datasets, { freshDatabaseEach: args.includes("--fresh") });

let missed = 0;
const summary: { name: string; rows: Row[] }[] = [];
console.log(`Validation against published organizational networks, ${new Date().toISOString().slice(0, 10)}\n`);
for (const [index, dataset] of datasets.entries()) {
  const shown = played[index]!;
  const truth = againstEntered ? { ...dataset, ties: shown.entered } : dataset;
  const result = compare(truth, referenceFigures(truth), shown);
  missed += result.missed;
  summary.push({ name: dataset.holdout ? `${dataset.name} (holdout)` : dataset.name, rows: result.rows });
  const limits = QUESTION_KEYS.map((key) => `${key} ${shown.limits[key] ?? "none"}`).join(" · ");
  console.log(`## ${dataset.name}${dataset.holdout ? " (holdout)" : ""}: ${dataset.description}`);
  console.log(`${dataset.people.length} people, all answer; k = ${shown.k}; limits ${limits}; ${(shown.milliseconds / 1000).toFixed(1)} s`);
  console.log(`Questions played by: ${QUESTION_KEYS.map((key) => `${key} ← ${dataset.relations[key]}`).join("; ")}.`);
  console.log(`Reports-to tree: ${dataset.formalStructure}.`);
  if (againstEntered) console.log("Reference: the ties actually entered (diagnostic), not the published network.");
  console.log("");
  console.log(formatTable(result.rows));
  if (showDetails && result.details.length > 0) console.log(`\n${result.details.map((line) => `- ${line}`).join("\n")}`);
  console.log("");
}
await closeDatabase();
if (summary.length > 1) console.log(`## Summary\n\n${formatSummary(summary)}\n`);
console.log(`${datasets.length} datasets in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

if (missed > 0) {
  console.log(`${missed} target${missed === 1 ? "" : "s"} missed.`);
  if (!reportOnly) process.exit(1);
} else console.log("Every target met.");
