import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { nameLexicon } from '../electron/core/anonymize/names/nameLexicon';
import {
  FEATURES_PER_TOKEN,
  featuresOf,
  LABEL_COUNT,
  tagNames,
  tokenize,
  viewOf,
  viterbi,
  windowsOf,
  type TaggerWeights,
  type Tokens,
} from '../electron/core/anonymize/names/sequenceTagger';
import type { LabelledText } from './names/corpora';
import { seededRandom, trainingTexts } from './names/synthetic';

/**
 * Trains the name model and writes electron/core/anonymize/names/nameModel.weights.json:
 *   npx tsx scripts/train-name-tagger.ts [--epochs 6] [--bits 18]
 * A structured averaged perceptron (Collins 2002) over the features of names/sequenceTagger.ts, decoded with
 * Viterbi over BIO tags of PER, LOC, ORG, on the training halves of BTC, UNER English-EWT and wikigold
 * (test/fixtures/ner, CC BY 4.0 / CC BY-SA 4.0) and the training templates of scripts/names/synthetic.ts.
 * A tenth of the texts is kept aside to calibrate the confidence (a logistic curve over the mean margin).
 * About a minute on one core; deterministic.
 */

const KIND_LABEL: Record<string, number> = { PERSON: 1, LOCATION: 3, STREET: 3, ORGANIZATION: 5 };

interface Example {
  windows: Array<{ features: Uint32Array; gold: Uint8Array }>;
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** BIO labels of the tokens from labelled spans: a token overlapping a span takes its kind. */
function goldLabels(text: LabelledText, tokens: Tokens): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  for (const span of text.spans) {
    const b = KIND_LABEL[span.entity];
    if (b === undefined) continue;
    let first = true;
    for (let i = 0; i < tokens.length; i += 1) {
      if (tokens.start(i) < span.end && span.start < tokens.end(i) && text.text[tokens.start(i)] !== '@') {
        labels[i] = first ? b : b + 1;
        first = false;
      }
    }
  }
  return labels;
}

function examplesOf(texts: readonly LabelledText[], bits: number): Example[] {
  const lex = nameLexicon();
  const mask = (1 << bits) - 1;
  const scratch = new Uint32Array(FEATURES_PER_TOKEN);
  return texts.map((text) => {
    const tokens = tokenize(text.text);
    const view = viewOf(text.text, tokens, lex);
    const gold = goldLabels(text, tokens);
    return {
      windows: windowsOf(tokens, view).map(([from, to]) => {
        const features = new Uint32Array((to - from) * FEATURES_PER_TOKEN);
        for (let i = from; i < to; i += 1) {
          featuresOf(view, i, tokens.length, scratch);
          for (let f = 0; f < FEATURES_PER_TOKEN; f += 1)
            features[(i - from) * FEATURES_PER_TOKEN + f] = scratch[f]! & mask;
        }
        const labels = gold.slice(from, to);
        // A window opening inside a name opens it, as the decoder must (BIO allows no I- first).
        if (labels[0]! % 2 === 0 && labels[0]! > 0) labels[0] = labels[0]! - 1;
        return { features, gold: labels };
      }),
    };
  });
}

function train(examples: Example[], bits: number, epochs: number): TaggerWeights {
  const size = (1 << bits) * LABEL_COUNT;
  const w = new Float32Array(size);
  const u = new Float32Array(size); // sum of c * update, for averaging
  const transitionSize = (LABEL_COUNT + 1) * LABEL_COUNT;
  const t = new Float32Array(transitionSize);
  const tu = new Float32Array(transitionSize);
  const random = seededRandom(3);
  let c = 1;
  let scores = new Float32Array(256 * LABEL_COUNT);
  let predicted = new Uint8Array(256);
  const order = examples.flatMap((e) => e.windows);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const { features, gold } of order) {
      const count = gold.length;
      if (count > predicted.length) {
        predicted = new Uint8Array(count * 2);
        scores = new Float32Array(count * 2 * LABEL_COUNT);
      }
      for (let k = 0; k < count; k += 1) {
        for (let l = 0; l < LABEL_COUNT; l += 1) scores[k * LABEL_COUNT + l] = 0;
        for (let f = 0; f < FEATURES_PER_TOKEN; f += 1) {
          const base = features[k * FEATURES_PER_TOKEN + f]! * LABEL_COUNT;
          for (let l = 0; l < LABEL_COUNT; l += 1) scores[k * LABEL_COUNT + l] += w[base + l]!;
        }
      }
      viterbi(scores, count, t, predicted);
      tokens += count;
      for (let k = 0; k < count; k += 1) {
        const g = gold[k]!;
        const p = predicted[k]!;
        const gPrev = k === 0 ? LABEL_COUNT : gold[k - 1]!;
        const pPrev = k === 0 ? LABEL_COUNT : predicted[k - 1]!;
        if (g !== p) {
          errors += 1;
          for (let f = 0; f < FEATURES_PER_TOKEN; f += 1) {
            const base = features[k * FEATURES_PER_TOKEN + f]! * LABEL_COUNT;
            w[base + g] += 1;
            u[base + g] += c;
            w[base + p] -= 1;
            u[base + p] -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          t[gPrev * LABEL_COUNT + g] += 1;
          tu[gPrev * LABEL_COUNT + g] += c;
          t[pPrev * LABEL_COUNT + p] -= 1;
          tu[pPrev * LABEL_COUNT + p] -= c;
        }
      }
      c += 1;
    }
    console.error(`epoch ${epoch + 1}: ${((100 * errors) / tokens).toFixed(2)} % of window tokens wrong`);
  }
  for (let i = 0; i < size; i += 1) w[i] = w[i]! - u[i]! / c;
  for (let i = 0; i < transitionSize; i += 1) t[i] = t[i]! - tu[i]! / c;
  return { bits, emission: w, unit: 1, transition: t, slope: 1, intercept: 0 };
}

/** Fits sigmoid(slope * margin + intercept) to whether a found span is right, on texts not trained on. */
function calibrate(weights: TaggerWeights, texts: readonly LabelledText[]): void {
  const points: Array<[number, number]> = [];
  for (const text of texts) {
    for (const span of tagNames(text.text, weights).spans) {
      const margin = span.margin;
      const kind = span.kind === 'PER' ? 'PERSON' : span.kind === 'LOC' ? 'LOCATION' : 'ORGANIZATION';
      const right = text.spans.some(
        (g) =>
          (g.entity === kind || (kind === 'LOCATION' && g.entity === 'STREET')) &&
          g.start < span.end &&
          span.start < g.end,
      );
      points.push([margin, right ? 1 : 0]);
    }
  }
  // Newton steps on the margin scaled to unit mean size, then back to the raw margin.
  const unit = points.reduce((sum, [m]) => sum + Math.abs(m), 0) / Math.max(1, points.length) || 1;
  let a = 1;
  let b = 0;
  for (let step = 0; step < 50; step += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (const [raw, y] of points) {
      const m = raw / unit;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const v = p * (1 - p);
      ga += (p - y) * m;
      gb += p - y;
      haa += v * m * m;
      hab += v * m;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  a /= unit;
  weights.slope = a;
  weights.intercept = b;
  const right = points.filter(([, y]) => y === 1).length;
  console.error(
    `calibration: ${points.length} spans, ${right} right; slope ${a.toFixed(4)}, intercept ${b.toFixed(3)}`,
  );
}

async function save(weights: TaggerWeights, path: URL): Promise<void> {
  let largest = 0;
  for (const v of weights.emission) largest = Math.max(largest, Math.abs(v));
  const scale = 32767 / largest;
  const ints = new Int16Array(weights.emission.length);
  for (let i = 0; i < ints.length; i += 1) ints[i] = Math.round(weights.emission[i]! * scale);
  const packed = deflateRawSync(Buffer.from(ints.buffer), { level: 9 });
  const file = {
    about:
      'Name model for the PII scan, trained by scripts/train-name-tagger.ts on BTC (CC BY 4.0), UNER English-EWT (CC BY-SA 4.0), wikigold (CC BY 4.0) and synthetic sentences; see names/NOTICE.md and the anonymize README',
    bits: weights.bits,
    scale,
    slope: Number(weights.slope.toFixed(6)),
    intercept: Number(weights.intercept.toFixed(6)),
    transition: Array.from(weights.transition, (v) => Number(v.toFixed(4))),
    emission: packed.toString('base64'),
  };
  // Formatted as the repository formats JSON, so a rebuild is byte for byte the committed file.
  const options = await resolveConfig(path.pathname);
  writeFileSync(path, await format(JSON.stringify(file), { ...options, parser: 'json' }));
  console.error(`wrote ${path.pathname}: ${(packed.length / 1024).toFixed(0)} kB of weights`);
}

const bits = argument('--bits', 18);
const epochs = argument('--epochs', 6);
const started = performance.now();
const { training, calibration } = trainingTexts(argument('--synthetic', 8000));
const weights = train(examplesOf(training, bits), bits, epochs);
calibrate(weights, calibration);
await save(weights, new URL('../electron/core/anonymize/names/nameModel.weights.json', import.meta.url));
console.error(`trained in ${((performance.now() - started) / 1000).toFixed(0)} s`);
