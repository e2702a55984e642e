/**
 * Scoring a detector against a labelled corpus the way presidio-research's SpanEvaluator does: a prediction
 * is a true positive when it has the gold span's entity type and their character IoU (intersection over
 * union) reaches the threshold (0.75 there by default); each gold span is matched at most once. Per entity:
 * precision, recall and F2 (recall weighted four times precision: a missed name hurts more than an extra tag).
 */

export interface ScoredSpan {
  start: number;
  end: number;
  entity: string;
}

export interface EntityScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f2: number;
}

export interface EvaluationCase {
  gold: readonly ScoredSpan[];
  predicted: readonly ScoredSpan[];
}

export function intersectionOverUnion(a: ScoredSpan, b: ScoredSpan): number {
  const intersection = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : intersection / union;
}

export function fBeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  const denominator = b2 * precision + recall;
  return denominator === 0 ? 0 : ((1 + b2) * precision * recall) / denominator;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Matches one case: returns, per gold span, the index of its predicted match (or -1). */
export function matchSpans(
  gold: readonly ScoredSpan[],
  predicted: readonly ScoredSpan[],
  threshold: number,
): number[] {
  const pairs: Array<{ g: number; p: number; iou: number }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (g.entity !== p.entity) return;
      const iou = intersectionOverUnion(g, p);
      if (iou >= threshold) pairs.push({ g: gi, p: pi, iou });
    }),
  );
  pairs.sort((a, b) => b.iou - a.iou);
  const goldMatch = gold.map(() => -1);
  const usedPredictions = new Set<number>();
  for (const { g, p } of pairs) {
    if (goldMatch[g] !== -1 || usedPredictions.has(p)) continue;
    goldMatch[g] = p;
    usedPredictions.add(p);
  }
  return goldMatch;
}

export function scoreByEntity(cases: readonly EvaluationCase[], threshold = 0.75): Map<string, EntityScore> {
  const counts = new Map<string, Counts>();
  const of = (entity: string) => {
    let c = counts.get(entity);
    if (!c) counts.set(entity, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const { gold, predicted } of cases) {
    const goldMatch = matchSpans(gold, predicted, threshold);
    const matched = new Set(goldMatch.filter((p) => p >= 0));
    gold.forEach((g, i) => {
      if (goldMatch[i]! >= 0) of(g.entity).tp += 1;
      else of(g.entity).fn += 1;
    });
    predicted.forEach((p, i) => {
      if (!matched.has(i)) of(p.entity).fp += 1;
    });
  }
  const out = new Map<string, EntityScore>();
  for (const [entity, { tp, fp, fn }] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    out.set(entity, {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision,
      recall,
      f2: fBeta(precision, recall, 2),
    });
  }
  return out;
}
