import { detectPii, type ScanOptions } from '../electron/core/anonymize/scan';
import { btc, unerEwt, wikigold, type LabelledText } from './names/corpora';
import { measure, SUMMARY_HEADER, summaryRow } from './names/measures';
import { syntheticSentences, trainingTexts } from './names/synthetic';

/**
 * Scores the free-text scan on held-out labelled sets the detector and the name model were never tuned or
 * trained on (splits in scripts/names/corpora.ts and synthetic.ts):
 *   npx tsx scripts/evaluate-name-finding.ts [--names rules|model|both]
 * Prints one markdown row a set: people masked, PERSON typed precision, PERSON findings touching no name,
 * places, street addresses, organisations, dates, ages and @handles masked.
 */

export function heldOutSets(): Array<[string, LabelledText[]]> {
  return [
    ['synthetic interview and survey sentences (1,500)', syntheticSentences('heldout', 1500)],
    ['BTC tweets, authors\u2019 test split', btc('heldout')],
    ['UNER English Web Treebank, test', unerEwt('heldout')],
    ['wikigold, every fifth article', wikigold('heldout')],
  ];
}

function namesOption(): ScanOptions {
  const at = process.argv.indexOf('--names');
  const value = at > 0 ? process.argv[at + 1] : undefined;
  if (value === undefined) return {};
  if (value !== 'rules' && value !== 'model' && value !== 'both')
    throw new Error('--names takes rules, model or both');
  return { names: value } as ScanOptions;
}

const options = namesOption();
console.log(`| ${SUMMARY_HEADER} |`);
console.log(`|${' --- |'.repeat(SUMMARY_HEADER.split('|').length)}`);
/** The development set (--dev): the tenth of the training texts the model did not train on, by source. */
function developmentSets(): Array<[string, LabelledText[]]> {
  const { calibration } = trainingTexts(8000);
  const sources = [...new Set(calibration.map((t) => t.source))];
  return sources.map((source) => [`dev: ${source}`, calibration.filter((t) => t.source === source)]);
}

const sets = process.argv.includes('--dev') ? developmentSets() : heldOutSets();
for (const [name, texts] of sets) {
  const measures = measure(texts, (text) => detectPii(text, options));
  console.log(`| ${summaryRow(name, measures)} |`);
}
