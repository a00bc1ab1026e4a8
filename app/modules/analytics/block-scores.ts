import type { Suppressed } from "~/modules/anonymity/suppression";
import type { Block } from "./blocks";

/**
 * Agreement scores and eNPS per block. A response's score on a construct is the mean of its
 * answers to that construct's agreement items; a block shows the mean of those scores when at
 * least k responses have one, and its eNPS when k answered that question.
 */

export type ConstructStats = { mean: number; n: number; distribution: number[] };
export type EnpsStats = { score: number; n: number; promoters: number; passives: number; detractors: number };
export type Cell<T> = T | Suppressed;
export type Noised = (cell: string, count: number) => number;

const fewer = (): Suppressed => ({ suppressed: true, reason: "fewer-than-k" });

type ScoreInput = {
  k: number;
  blocks: Block[];
  responseBlock: ReadonlyMap<string, Block>;
  numbers: readonly { responseId: string; questionId: string; value: number }[];
  likertConstruct: ReadonlyMap<string, string>;
  constructs: readonly string[];
  enpsQuestionId: string | null;
  noised: Noised;
};

export function blockScores({ k, blocks, responseBlock, numbers, likertConstruct, constructs, enpsQuestionId, noised }: ScoreInput) {
  const perResponse = new Map<string, Map<string, number[]>>();
  const enpsValues = new Map<string, number[]>();
  for (const answer of numbers) {
    const block = responseBlock.get(answer.responseId);
    if (!block) continue;
    const construct = likertConstruct.get(answer.questionId);
    if (construct) {
      const byConstruct = perResponse.get(answer.responseId) ?? new Map<string, number[]>();
      perResponse.set(answer.responseId, byConstruct);
      byConstruct.set(construct, [...(byConstruct.get(construct) ?? []), answer.value]);
    } else if (answer.questionId === enpsQuestionId) {
      enpsValues.set(block.key, [...(enpsValues.get(block.key) ?? []), answer.value]);
    }
  }
  type Accumulator = { scores: number[]; distribution: number[] };
  const accumulators = new Map<string, Map<string, Accumulator>>();
  for (const [responseId, byConstruct] of perResponse) {
    const block = responseBlock.get(responseId)!;
    const ofBlock = accumulators.get(block.key) ?? new Map<string, Accumulator>();
    accumulators.set(block.key, ofBlock);
    for (const [construct, values] of byConstruct) {
      const accumulator = ofBlock.get(construct) ?? { scores: [], distribution: [0, 0, 0, 0, 0] };
      ofBlock.set(construct, accumulator);
      accumulator.scores.push(values.reduce((sum, value) => sum + value, 0) / values.length);
      for (const value of values) if (value >= 1 && value <= 5) accumulator.distribution[value - 1]!++;
    }
  }
  return new Map(
    blocks.map((block) => {
      const constructCells: Record<string, Cell<ConstructStats>> = {};
      for (const construct of constructs) {
        const accumulator = accumulators.get(block.key)?.get(construct);
        constructCells[construct] =
          accumulator && accumulator.scores.length >= k
            ? {
                mean: accumulator.scores.reduce((sum, score) => sum + score, 0) / accumulator.scores.length,
                n: noised(`block:${block.key}:construct:${construct}:n`, accumulator.scores.length),
                distribution: accumulator.distribution.map((count, i) => noised(`block:${block.key}:construct:${construct}:${i + 1}`, count)),
              }
            : fewer();
      }
      const enps = enpsValues.get(block.key) ?? [];
      const enpsCell = enpsQuestionId === null ? null : enps.length >= k ? enpsStats(enps, (cell, count) => noised(`block:${block.key}:enps:${cell}`, count)) : fewer();
      return [block.key, { constructs: constructCells, enps: enpsCell }] as const;
    }),
  );
}

function enpsStats(values: number[], noised: Noised): EnpsStats {
  const promoters = values.filter((value) => value >= 9).length;
  const detractors = values.filter((value) => value <= 6).length;
  const passives = values.length - promoters - detractors;
  return {
    score: Math.round(((promoters - detractors) / values.length) * 100),
    n: noised("n", values.length),
    promoters: noised("promoters", promoters),
    passives: noised("passives", passives),
    detractors: noised("detractors", detractors),
  };
}
