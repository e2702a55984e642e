import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { CodedLabel } from './answerScales';
import { fileProblem, ImportFileError, type ImportProblem } from './problems';
import { DEFAULT_BATCH_ROWS, type RowBatch, type SourceRow, type SourceTable } from './table';

/**
 * Reading SPSS system files (.sav), as SPSS and Qualtrics write them, following PSPP's documentation of the
 * format ("System File Format" in the PSPP developers' guide). We wrote it rather than depend on a package: the
 * npm readers we found decode every string as Latin-1 and read only little-endian files, and Qualtrics writes
 * UTF-8. The dictionary is read whole (it is small); the cases stream in batches.
 *
 * What the evaluator gets: each variable's name, its label (the question text), its value labels (the answer
 * scale, with the codes Qualtrics used: 11..15 is fine, scoring goes by labels) and its missing values.
 */

export interface SpssVariable {
  /** The long name when the file has one (SPSS 12+), else the 8-character short name. */
  name: string;
  shortName: string;
  /** The variable label: for survey data, the question text. */
  label: string;
  kind: 'numeric' | 'string';
  /** Bytes for a string variable, 0 for a numeric one. */
  width: number;
  /** SPSS print format, e.g. F8.2, A20, ADATE10. */
  format: string;
  valueLabels: CodedLabel[];
  stringValueLabels: { value: string; label: string }[];
  /** Codes SPSS treats as missing (e.g. 99 = "Don't know"), and a missing range when one is set. */
  missingValues: number[];
  missingRange: [number, number] | null;
  measure: 'nominal' | 'ordinal' | 'scale' | null;
}

export interface SpssFile extends SourceTable {
  variables: SpssVariable[];
  encoding: string;
  caseCount: number | null;
  fileLabel: string;
  productName: string;
  documents: string[];
  compression: 'none' | 'bytecode';
}

export interface SpssOptions {
  batchSize?: number;
  /** Overrides the character encoding the file declares. */
  encoding?: string;
}

const FORMAT_NAMES: Record<number, string> = {
  1: 'A',
  2: 'AHEX',
  3: 'COMMA',
  4: 'DOLLAR',
  5: 'F',
  17: 'E',
  20: 'DATE',
  21: 'TIME',
  22: 'DATETIME',
  23: 'ADATE',
  24: 'JDATE',
  25: 'DTIME',
  26: 'WKDAY',
  27: 'MONTH',
  28: 'MOYR',
  29: 'QYR',
  30: 'WKYR',
  31: 'PCT',
  32: 'DOT',
  38: 'EDATE',
  39: 'SDATE',
  40: 'MTIME',
  41: 'YMDHMS',
};
/** Formats whose values are seconds since 14 October 1582 (the Gregorian calendar's start). */
const DATE_FORMATS = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);
const DATETIME_FORMATS = new Set([22, 41]);
/** TIME and DTIME: a time of day or a duration, in seconds. */
const TIME_FORMATS = new Set([21, 25]);

/** Seconds as hh:mm:ss (with the days in front when there are any: 1 02:00:00). */
function clockText(seconds: number): string {
  const whole = Math.round(Math.abs(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(whole / 86_400);
  const time = `${pad(Math.floor((whole % 86_400) / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return `${seconds < 0 ? '-' : ''}${days > 0 ? `${days} ` : ''}${time}`;
}
const SECONDS_1582_TO_1970 = 12_219_379_200;
const SYSMIS = -Number.MAX_VALUE;

/** A buffered reader over the file: whole records are made available with `need`, then read synchronously. */
class ByteSource {
  private buffer = Buffer.alloc(0);
  private at = 0;
  private fileAt = 0;
  constructor(
    private readonly handle: FileHandle,
    readonly littleEndian: boolean,
    private readonly chunk = 1 << 20,
  ) {}

  /** Bytes read from the file and not yet taken. */
  get available(): number {
    return this.buffer.length - this.at;
  }

  get offset(): number {
    return this.fileAt - (this.buffer.length - this.at);
  }

  /** True when n more bytes are available; false at the end of the file. */
  async need(n: number): Promise<boolean> {
    if (this.buffer.length - this.at >= n) return true;
    const rest = this.buffer.subarray(this.at);
    const fresh = Buffer.alloc(Math.max(this.chunk, n));
    const { bytesRead } = await this.handle.read(fresh, 0, fresh.length, this.fileAt);
    this.fileAt += bytesRead;
    this.buffer = Buffer.concat([rest, fresh.subarray(0, bytesRead)]);
    this.at = 0;
    return this.buffer.length >= n;
  }
  bytes(n: number): Buffer {
    const out = this.buffer.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  int32(): number {
    const v = this.littleEndian ? this.buffer.readInt32LE(this.at) : this.buffer.readInt32BE(this.at);
    this.at += 4;
    return v;
  }
  float64(): number {
    const v = this.littleEndian ? this.buffer.readDoubleLE(this.at) : this.buffer.readDoubleBE(this.at);
    this.at += 8;
    return v;
  }
}

interface RawVariable {
  type: number;
  shortName: Buffer;
  label: Buffer | null;
  print: number;
  missing: number[];
  missingCount: number;
  measure: SpssVariable['measure'];
}

interface Dictionary {
  raw: RawVariable[];
  /** Value labels by 1-based slot index. */
  labels: Map<number, { value: Buffer; label: Buffer }[]>;
  longNames: string | null;
  veryLong: string | null;
  encodingName: string | null;
  characterCode: number | null;
  documents: Buffer[];
  littleEndian: boolean;
}

const MEASURES: Record<number, SpssVariable['measure']> = { 1: 'nominal', 2: 'ordinal', 3: 'scale' };

async function readDictionary(source: ByteSource, fail: (what: string) => never): Promise<Dictionary> {
  const dict: Dictionary = {
    raw: [],
    labels: new Map(),
    longNames: null,
    veryLong: null,
    encodingName: null,
    characterCode: null,
    documents: [],
    littleEndian: source.littleEndian,
  };
  const need = async (n: number) => {
    if (!(await source.need(n))) fail(`the file ends inside its dictionary (at byte ${source.offset})`);
  };
  for (;;) {
    await need(4);
    const recordType = source.int32();
    if (recordType === 2) {
      await need(28);
      const type = source.int32();
      const hasLabel = source.int32();
      const missingCount = source.int32();
      const print = source.int32();
      source.int32(); // write format
      const shortName = Buffer.from(source.bytes(8));
      let label: Buffer | null = null;
      if (hasLabel === 1) {
        await need(4);
        const length = source.int32();
        const padded = Math.ceil(length / 4) * 4;
        await need(padded);
        label = Buffer.from(source.bytes(padded).subarray(0, length));
      }
      const missing: number[] = [];
      await need(Math.abs(missingCount) * 8);
      for (let i = 0; i < Math.abs(missingCount); i++) missing.push(source.float64());
      dict.raw.push({ type, shortName, label, print, missing, missingCount, measure: null });
    } else if (recordType === 3) {
      await need(4);
      const count = source.int32();
      const entries: { value: Buffer; label: Buffer }[] = [];
      for (let i = 0; i < count; i++) {
        await need(9);
        const value = Buffer.from(source.bytes(8));
        const length = source.bytes(1)[0]!;
        const padded = Math.ceil((length + 1) / 8) * 8 - 1;
        await need(padded);
        entries.push({ value, label: Buffer.from(source.bytes(padded).subarray(0, length)) });
      }
      await need(8);
      if (source.int32() !== 4)
        fail(`a value label record is not followed by its variable list (byte ${source.offset})`);
      const varCount = source.int32();
      await need(varCount * 4);
      for (let i = 0; i < varCount; i++) {
        const slot = source.int32();
        dict.labels.set(slot, [...(dict.labels.get(slot) ?? []), ...entries]);
      }
    } else if (recordType === 6) {
      await need(4);
      const lines = source.int32();
      await need(lines * 80);
      for (let i = 0; i < lines; i++) dict.documents.push(Buffer.from(source.bytes(80)));
    } else if (recordType === 7) {
      await need(12);
      const subtype = source.int32();
      const size = source.int32();
      const count = source.int32();
      await need(size * count);
      const data = Buffer.from(source.bytes(size * count));
      const int = (i: number) => (source.littleEndian ? data.readInt32LE(i * 4) : data.readInt32BE(i * 4));
      if (subtype === 3 && count >= 8) dict.characterCode = int(7);
      else if (subtype === 11) {
        const perVariable = count / dict.raw.filter((v) => v.type !== -1).length;
        let i = 0;
        for (const v of dict.raw) {
          if (v.type === -1) continue;
          v.measure = MEASURES[int(i)] ?? null;
          i += perVariable;
        }
      } else if (subtype === 13) dict.longNames = data.toString('latin1');
      else if (subtype === 14) dict.veryLong = data.toString('latin1');
      else if (subtype === 20) dict.encodingName = data.toString('latin1').trim();
    } else if (recordType === 999) {
      await need(4);
      source.int32();
      return dict;
    } else {
      fail(`it has an unknown record type ${recordType} at byte ${source.offset - 4}`);
    }
  }
}

function encodingOf(dict: Dictionary, override?: string): string {
  const candidates = [override, dict.encodingName];
  if (dict.characterCode === 65001) candidates.push('utf-8');
  else if (dict.characterCode && dict.characterCode > 3) candidates.push(`cp${dict.characterCode}`);
  for (const name of candidates) if (name && iconv.encodingExists(name)) return name.toLowerCase();
  return 'windows-1252';
}

function formatName(print: number): string {
  const type = (print >> 16) & 0xff;
  const width = (print >> 8) & 0xff;
  const decimals = print & 0xff;
  return `${FORMAT_NAMES[type] ?? `T${type}`}${width}${decimals ? `.${decimals}` : ''}`;
}

/** One column of the file as cases are laid out: which 8-byte slots it takes, and its string segments. */
interface Layout {
  variable: SpssVariable;
  /** Slot index (0-based) of each segment, and the bytes used from it. */
  segments: { slot: number; slots: number; bytes: number }[];
  formatType: number;
}

/** SPSS pads strings with spaces (and some writers with NULs); the padding is not part of the value. */
export function trimPadding(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\u0000' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

const withoutNul = (text: string) => text.split('\u0000').join('');

function buildLayouts(dict: Dictionary, encoding: string): Layout[] {
  const decode = (b: Buffer) => trimPadding(iconv.decode(b, encoding));
  const longNames = new Map<string, string>();
  for (const pair of (dict.longNames
    ? iconv.decode(Buffer.from(dict.longNames, 'latin1'), encoding)
    : ''
  ).split('\t')) {
    const [short, long] = pair.split('=');
    if (short && long) longNames.set(short.trim().toUpperCase(), withoutNul(long).trim());
  }
  const veryLong = new Map<string, number>();
  for (const entry of (dict.veryLong ?? '').split('\t')) {
    const [short, width] = withoutNul(entry).split('=');
    if (short && width) veryLong.set(short.trim().toUpperCase(), Number(width));
  }
  const layouts: Layout[] = [];
  let slot = 0;
  for (let i = 0; i < dict.raw.length;) {
    const raw = dict.raw[i]!;
    if (raw.type === -1) {
      i++;
      slot++;
      continue;
    }
    const shortName = decode(raw.shortName).toUpperCase();
    const totalWidth = veryLong.get(shortName) ?? raw.type;
    const segmentCount = totalWidth > 255 ? Math.ceil(totalWidth / 252) : 1;
    const segments: Layout['segments'] = [];
    const firstSlot = slot;
    for (let s = 0; s < segmentCount; s++) {
      const seg = dict.raw[i]!;
      const slots = seg.type === 0 ? 1 : Math.ceil(seg.type / 8);
      segments.push({ slot, slots, bytes: seg.type === 0 ? 8 : seg.type });
      slot += slots;
      i += slots;
    }
    const labels = dict.labels.get(firstSlot + 1) ?? [];
    const numeric = raw.type === 0;
    const readNumber = (b: Buffer) => (dict.littleEndian ? b.readDoubleLE(0) : b.readDoubleBE(0));
    layouts.push({
      formatType: (raw.print >> 16) & 0xff,
      segments,
      variable: {
        name: longNames.get(shortName) ?? decode(raw.shortName),
        shortName,
        label: raw.label ? decode(raw.label) : '',
        kind: numeric ? 'numeric' : 'string',
        width: numeric ? 0 : totalWidth,
        format: formatName(raw.print),
        valueLabels: numeric
          ? labels.map((l) => ({ code: readNumber(l.value), label: decode(l.label) }))
          : [],
        stringValueLabels: numeric
          ? []
          : labels.map((l) => ({ value: decode(l.value), label: decode(l.label) })),
        missingValues: numeric ? raw.missing.slice(raw.missingCount < 0 ? 2 : 0) : [],
        missingRange: numeric && raw.missingCount < 0 ? [raw.missing[0]!, raw.missing[1]!] : null,
        measure: raw.measure,
      },
    });
  }
  return layouts;
}

/** A numeric value as the evaluator reads it: dates as ISO text, system-missing as an empty cell. */
export function numericCell(value: number, formatType: number): string {
  if (value === SYSMIS || Number.isNaN(value)) return '';
  if (TIME_FORMATS.has(formatType)) return clockText(value);
  if (DATE_FORMATS.has(formatType)) {
    const iso = new Date((value - SECONDS_1582_TO_1970) * 1000).toISOString();
    return DATETIME_FORMATS.has(formatType) ? iso.slice(0, 19) : iso.slice(0, 10);
  }
  return String(value);
}

/** Opens an SPSS .sav file: reads its dictionary, then streams its cases as rows (case 1 is row 2). */
export async function openSav(file: string, options: SpssOptions = {}): Promise<SpssFile> {
  const name = path.basename(file);
  const fail = (what: string): never => {
    throw new ImportFileError(
      fileProblem(file, 'an SPSS data file (.sav)', `${name} cannot be read: ${what}.`),
    );
  };
  const handle = await open(file, 'r');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  try {
    const head = Buffer.alloc(176);
    const { bytesRead } = await handle.read(head, 0, 176, 0);
    const magic = head.subarray(0, 4).toString('latin1');
    if (bytesRead === 0) fail('it is empty (0 bytes)');
    if (magic === '$FL3')
      fail('it is a compressed .zsav file; save it from SPSS as an uncompressed or standard .sav');
    if (magic !== '$FL2' || bytesRead < 176)
      fail('it is not an SPSS data file (it does not start with "$FL2")');
    const layout = head.readInt32LE(64);
    const littleEndian = layout === 2 || layout === 3;
    const int = (at: number) => (littleEndian ? head.readInt32LE(at) : head.readInt32BE(at));
    const compressionCode = int(72);
    if (compressionCode === 2) fail('its data are zlib-compressed (.zsav style); save it as a standard .sav');
    const caseCount = int(80);
    const bias = littleEndian ? head.readDoubleLE(84) : head.readDoubleBE(84);
    const source = new ByteSource(handle, littleEndian);
    await source.need(176);
    source.bytes(176);
    const dict = await readDictionary(source, fail);
    const encoding = encodingOf(dict, options.encoding);
    const layouts = buildLayouts(dict, encoding);
    const slotCount = dict.raw.length;
    const decode = (b: Buffer) => trimPadding(iconv.decode(b, encoding));
    const header = layouts.map((l) => l.variable.name);

    async function* batches(): AsyncGenerator<RowBatch> {
      const batchSize = options.batchSize ?? DEFAULT_BATCH_ROWS;
      let rows: SourceRow[] = [];
      const problems: ImportProblem[] = [];
      const slots: Buffer[] = new Array<Buffer>(slotCount);
      const spaces = Buffer.alloc(8, 0x20);
      let commands: Buffer = Buffer.alloc(0);
      let command = 8;
      let ended = false;
      /** Reads the next case's slots; false at the end of the data. */
      const readCase = async (): Promise<boolean | 'partial'> => {
        // Uncompressed cases are fixed-size: make the whole case available at once.
        if (compressionCode === 0 && !(await source.need(slotCount * 8)))
          return source.available === 0 ? false : 'partial';
        for (let s = 0; s < slotCount; s++) {
          if (compressionCode === 0) {
            slots[s] = Buffer.from(source.bytes(8));
            continue;
          }
          for (;;) {
            if (command === 8) {
              if (ended || !(await source.need(8))) return s === 0 ? false : 'partial';
              commands = Buffer.from(source.bytes(8));
              command = 0;
            }
            const code = commands[command++]!;
            if (code === 0) continue;
            if (code === 252) {
              ended = true;
              return s === 0 ? false : 'partial';
            }
            if (code === 253) {
              if (!(await source.need(8))) return 'partial';
              slots[s] = Buffer.from(source.bytes(8));
            } else if (code === 254) slots[s] = spaces;
            else {
              const b = Buffer.alloc(8);
              if (littleEndian) b.writeDoubleLE(code === 255 ? SYSMIS : code - bias);
              else b.writeDoubleBE(code === 255 ? SYSMIS : code - bias);
              slots[s] = b;
            }
            break;
          }
        }
        return true;
      };
      try {
        for (let caseNumber = 1; ; caseNumber++) {
          const got = await readCase();
          if (got === 'partial')
            problems.push({
              ...fileProblem(
                file,
                'complete cases',
                `${name} ends in the middle of case ${caseNumber}; it was left out.`,
              ),
              row: caseNumber + 1,
            });
          if (got !== true) break;
          const cells = layouts.map((l) => {
            if (l.variable.kind === 'numeric') {
              const b = slots[l.segments[0]!.slot]!;
              return numericCell(littleEndian ? b.readDoubleLE(0) : b.readDoubleBE(0), l.formatType);
            }
            const parts = l.segments.map((seg) =>
              Buffer.concat(slots.slice(seg.slot, seg.slot + seg.slots)).subarray(0, seg.bytes),
            );
            return decode(Buffer.concat(parts).subarray(0, l.variable.width));
          });
          rows.push({ row: caseNumber + 1, cells });
          if (rows.length >= batchSize) {
            yield { rows, problems: problems.splice(0) };
            rows = [];
          }
        }
        if (rows.length > 0 || problems.length > 0) yield { rows, problems: problems.splice(0) };
      } finally {
        await close();
      }
    }

    const text = (from: number, to: number) => decode(head.subarray(from, to));
    return {
      file,
      header,
      headingRows: [header, layouts.map((l) => l.variable.label)],
      batches: batches(),
      close,
      variables: layouts.map((l) => l.variable),
      encoding,
      caseCount: caseCount >= 0 ? caseCount : null,
      fileLabel: text(109, 173),
      productName: text(4, 64).replace(/^@\(#\) /, ''),
      documents: dict.documents.map((d) => decode(d)),
      compression: compressionCode === 1 ? 'bytecode' : 'none',
    };
  } catch (error) {
    await close();
    throw error;
  }
}
