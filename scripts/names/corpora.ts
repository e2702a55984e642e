import { readFileSync } from 'node:fs';

/**
 * The public annotated sets in test/fixtures/ner (licences beside each), read into one shape: a text rebuilt
 * from its tokens with a space between them, and its entity spans in UTF-16 offsets.
 *
 * Splits were fixed before any result was read, by document, and are never tuned on:
 * - btc: the authors' train and dev files train; their test file (2,000 tweets) is held out.
 * - uner-en-ewt: the dev file trains; the test file (other documents of the Web Treebank) is held out.
 * - wikigold: every fifth article (by order in the file, the 5th, 10th, ...) is held out.
 */

export type Split = 'train' | 'heldout';

export interface LabelledSpan {
  start: number;
  end: number;
  /** PERSON, LOCATION, ORGANIZATION, STREET (an address: a LOCATION), DATE, AGE, USERNAME. */
  entity: string;
}

export interface LabelledText {
  source: string;
  text: string;
  spans: LabelledSpan[];
}

const ENTITY: Record<string, string> = { PER: 'PERSON', LOC: 'LOCATION', ORG: 'ORGANIZATION' };

const FIXTURES = new URL('../../test/fixtures/ner/', import.meta.url);

function read(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

/** Tokens and their tags (BIO or IO) to a text and spans; MISC and unknown kinds are left out. */
export function fromTokens(source: string, tokens: readonly string[], tags: readonly string[]): LabelledText {
  let text = '';
  const spans: LabelledSpan[] = [];
  let open: LabelledSpan | null = null;
  let openType = '';
  tokens.forEach((token, i) => {
    // BTC writes an @handle as "@" and the name: they are one word as typed.
    if (text.length > 0 && !text.endsWith('@')) text += ' ';
    const tag = tags[i] ?? 'O';
    const type = tag === 'O' ? '' : tag.slice(2);
    const begins = tag.startsWith('B-') || type !== openType;
    if (open && (tag === 'O' || begins)) {
      spans.push(open);
      open = null;
    }
    const start = text.length;
    text += token;
    const entity = ENTITY[type];
    if (entity && (begins || !open)) {
      const handleStart = text.length >= token.length + 1 && text[start - 1] === '@' ? start - 1 : start;
      open = { start: handleStart, end: text.length, entity };
    } else if (open) open.end = text.length;
    openType = entity ? type : '';
  });
  if (open) spans.push(open);
  return { source, text, spans };
}

function conll(source: string, raw: string, separator: RegExp): LabelledText[][] {
  const documents: LabelledText[][] = [[]];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) documents[documents.length - 1]!.push(fromTokens(source, tokens, tags));
    tokens = [];
    tags = [];
  };
  for (const line of raw.split('\n')) {
    if (line.startsWith('-DOCSTART-') || line.startsWith('# newdoc')) {
      flush();
      if (documents[documents.length - 1]!.length > 0) documents.push([]);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const parts = line.split(separator);
    if (source === 'uner-en-ewt') {
      tokens.push(parts[1]!);
      tags.push(parts[2]!);
    } else {
      tokens.push(parts[0]!);
      tags.push(parts[1] ?? 'O');
    }
  }
  flush();
  return documents.filter((d) => d.length > 0);
}

/** BTC tags an @handle that names a person as a person; the scan calls it a user name, as it is typed. */
function handlesAsUsernames(text: LabelledText): LabelledText {
  const spans = text.spans.map((s) => (text.text[s.start] === '@' ? { ...s, entity: 'USERNAME' } : s));
  return { ...text, spans };
}

export function btc(split: Split): LabelledText[] {
  const files = split === 'train' ? ['btc.train.conll', 'btc.dev.conll'] : ['btc.test.conll'];
  return files.flatMap((f) => conll('btc', read(`btc/${f}`), /\t/).flat()).map(handlesAsUsernames);
}

export function unerEwt(split: Split): LabelledText[] {
  const file = split === 'train' ? 'en_ewt-ud-dev.iob2' : 'en_ewt-ud-test.iob2';
  return conll('uner-en-ewt', read(`uner-en-ewt/${file}`), /\t/).flat();
}

export function wikigold(split: Split): LabelledText[] {
  const articles = conll('wikigold', read('wikigold/wikigold.conll'), / /);
  return articles.filter((_, i) => (i % 5 === 4) === (split === 'heldout')).flat();
}
