import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { AnswerScale } from './answerScales';
import type { ImportField } from './mappingSuggestion';
import type { ColumnRule } from './validation';

/**
 * The items of an instrument that a survey file's question columns feed. A column whose heading the
 * instrument already has feeds that item (the next wave of the same survey); a new heading becomes a new item
 * at the end. Each item has a fixed position: its place in every stored answer array.
 */
const ITEM_TYPES: Partial<Record<ImportField, 'likert' | 'number' | 'choice' | 'text'>> = {
  likertItem: 'likert',
  numericItem: 'number',
  choiceItem: 'choice',
  freeText: 'text',
};

export function isItemColumn(rule: ColumnRule): boolean {
  return ITEM_TYPES[rule.field] !== undefined;
}

function answerScaleId(db: Connection, scale: AnswerScale): number {
  const found = db.prepare('SELECT id FROM answer_scale WHERE name = ?').pluck().get(scale.name) as
    number | undefined;
  if (found !== undefined) return found;
  const id = Number(
    db
      .prepare('INSERT INTO answer_scale (name, minimum, maximum) VALUES (?, 1, ?)')
      .run(scale.name, scale.labels.length).lastInsertRowid,
  );
  const label = db.prepare('INSERT INTO answer_scale_label (scale_id, value, label) VALUES (?, ?, ?)');
  scale.labels.forEach((text, index) => label.run(id, index + 1, text));
  return id;
}

/** Column index -> item position in the answer array, creating the items the instrument does not have yet. */
export function itemPositions(
  db: Connection,
  instrument: number,
  columns: readonly ColumnRule[],
  questionText: (rule: ColumnRule) => string = (rule) => rule.heading,
): Map<number, number> {
  const existing = db.prepare('SELECT position FROM item WHERE instrument_id = ? AND code = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO item (instrument_id, code, text, type, scale_id, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let next = db
    .prepare('SELECT coalesce(max(position) + 1, 0) FROM item WHERE instrument_id = ?')
    .pluck()
    .get(instrument) as number;
  const positions = new Map<number, number>();
  for (const rule of columns.filter(isItemColumn)) {
    const code = rule.heading.trim() || `column ${rule.index + 1}`;
    let position = existing.get(instrument, code) as number | undefined;
    if (position === undefined) {
      position = next++;
      const scale = rule.scale ? answerScaleId(db, rule.scale) : null;
      insert.run(instrument, code, questionText(rule), ITEM_TYPES[rule.field], scale, position);
    }
    positions.set(rule.index, position);
  }
  return positions;
}
