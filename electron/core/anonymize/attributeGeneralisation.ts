import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type {
  GeneralisationChange,
  GeneralisationPreview,
  GeneralisationResult,
  GeneralisationRule,
  QuasiIdentifierValue,
} from '../../../shared/disclosure';
import { ConfidantError } from '../../../shared/errors';
import { appendAudit } from '../store/audit';
import { kAnonymity } from './disclosure';
import {
  dateToMonth,
  dateToQuarter,
  dateToYear,
  groupRareCategories,
  numberToBand,
  topBottomCode,
} from './generalise';
import {
  attributeTarget,
  availableQuasiIdentifiers,
  dateOf,
  labelOf,
  numberOf,
  readParticipantQuasiIdentifiers,
  requireAvailable,
  type ParticipantQuasiIdentifiers,
} from './participantQuasiIdentifiers';
import { participantRecords, riskReportOf, summariseRisk } from './riskReport';

/**
 * Generalising a participant attribute in the store, as a deliberate step the evaluator takes from the risk
 * panel: rare categories into "Other", numbers to bands or top/bottom codes, dates to month, quarter or year.
 * A preview shows how many participants would change and the risk after; applying rewrites the attribute in
 * one transaction and records in the audit log the attribute's name, the rule and how many changed, never a
 * value. It cannot be undone except from a backup, which the window says before it asks.
 */

const CHANGES_SHOWN = 50;

function refuse(label: string, needs: string): ConfidantError {
  return new ConfidantError('INVALID_ARGUMENTS', `${label} ${needs}`);
}

/** Each participant's value under the rule, in the same order; missing values stay missing. */
export function generaliseValues(
  values: readonly QuasiIdentifierValue[],
  rule: GeneralisationRule,
  label: string,
): QuasiIdentifierValue[] {
  switch (rule.kind) {
    case 'groupRare': {
      const recorded = values.filter((value) => value !== null).map(String);
      const shown = groupRareCategories(recorded, { threshold: rule.threshold });
      return values.map((value) => {
        const to = value === null ? undefined : shown.get(String(value));
        return to === undefined || to === String(value) ? value : to;
      });
    }
    case 'bands':
    case 'topBottom': {
      const numbers = values.map((value) => (value === null ? null : numberOf(value)));
      const notNumbers = numbers.filter((number) => number === undefined).length;
      if (notNumbers > 0) {
        throw refuse(
          label,
          `has ${notNumbers} value(s) that are not numbers; only numbers can be banded or coded.`,
        );
      }
      return numbers.map((number, i) => {
        if (number === null || number === undefined) return null;
        if (rule.kind === 'bands') {
          return numberToBand(number, { width: rule.width, bottom: rule.bottom, top: rule.top });
        }
        const coded = topBottomCode(number, { bottom: rule.bottom, top: rule.top });
        return typeof coded === 'number' ? values[i]! : coded;
      });
    }
    case 'dates': {
      const dates = values.map((value) => (value === null ? null : dateOf(value)));
      const notDates = dates.filter((date) => date === undefined).length;
      if (notDates > 0) {
        throw refuse(
          label,
          `has ${notDates} value(s) that are not whole dates (such as 2021-03-17); only those can be coarsened.`,
        );
      }
      const coarsen = { month: dateToMonth, quarter: dateToQuarter, year: dateToYear }[rule.precision];
      return dates.map((date) => (date === null || date === undefined ? null : coarsen(date)));
    }
  }
}

interface Plan {
  label: string;
  /** Participants whose value changes, with the new value. */
  changed: { participant: ParticipantQuasiIdentifiers; to: QuasiIdentifierValue }[];
  /** All participants, with the attribute rewritten. */
  after: ParticipantQuasiIdentifiers[];
}

function planGeneralisation(
  participants: readonly ParticipantQuasiIdentifiers[],
  attribute: string,
  rule: GeneralisationRule,
  quasiIdentifiers: readonly string[],
): Plan {
  const available = availableQuasiIdentifiers(participants);
  requireAvailable(available, [attribute, ...quasiIdentifiers]);
  attributeTarget(attribute);
  const label = labelOf(available, attribute);
  const before = participants.map((participant) => participant.values[attribute] ?? null);
  const generalised = generaliseValues(before, rule, label);
  const changed: Plan['changed'] = [];
  const after = participants.map((participant, i) => {
    const to = generalised[i] ?? null;
    if (to === before[i]) return participant;
    changed.push({ participant, to });
    return { ...participant, values: { ...participant.values, [attribute]: to } };
  });
  return { label, changed, after };
}

/** What becomes what, with how many participants each, most participants first. */
function changesOf(plan: Plan, attribute: string): GeneralisationChange[] {
  const byPair = new Map<string, GeneralisationChange>();
  for (const { participant, to } of plan.changed) {
    const from = participant.values[attribute] ?? null;
    const key = JSON.stringify([from, to]);
    const existing = byPair.get(key);
    if (existing) existing.participants += 1;
    else byPair.set(key, { from, to, participants: 1 });
  }
  return [...byPair.values()]
    .sort((a, b) => b.participants - a.participants || String(a.from).localeCompare(String(b.from)))
    .slice(0, CHANGES_SHOWN);
}

export function previewGeneralisation(
  db: Connection,
  attribute: string,
  rule: GeneralisationRule,
  quasiIdentifiers: readonly string[],
): GeneralisationPreview {
  const participants = readParticipantQuasiIdentifiers(db);
  const plan = planGeneralisation(participants, attribute, rule, quasiIdentifiers);
  return {
    attribute,
    label: plan.label,
    participantsChanged: plan.changed.length,
    changes: changesOf(plan, attribute),
    before: summariseRisk(kAnonymity(participantRecords(participants), quasiIdentifiers)),
    after: summariseRisk(kAnonymity(participantRecords(plan.after), quasiIdentifiers)),
  };
}

/** The audit entry's description of a rule: its kind and its numbers, which describe no one. */
export function ruleDetail(rule: GeneralisationRule): Record<string, string | number> {
  const { kind, ...parameters } = rule;
  return { rule: kind, ...parameters };
}

/** The value as the store keeps it: columns hold text; custom attributes keep numbers as numbers. */
function writeChanges(db: Connection, attribute: string, changed: Plan['changed']): void {
  const target = attributeTarget(attribute);
  if ('column' in target) {
    const update = db.prepare(`UPDATE participant SET ${target.column} = ? WHERE id = ?`);
    for (const { participant, to } of changed) update.run(to === null ? null : String(to), participant.id);
    return;
  }
  const update = db.prepare('UPDATE participant SET attributes = ? WHERE id = ?');
  for (const { participant, to } of changed) {
    update.run(JSON.stringify({ ...participant.attributes, [target.key]: to }), participant.id);
  }
}

/** Rewrites the attribute for every participant it changes, in one transaction, and audits it. */
export function generaliseAttribute(
  db: Connection,
  attribute: string,
  rule: GeneralisationRule,
  quasiIdentifiers: readonly string[],
  actor: string,
): GeneralisationResult {
  const participantsChanged = db.transaction(() => {
    const plan = planGeneralisation(readParticipantQuasiIdentifiers(db), attribute, rule, quasiIdentifiers);
    if (plan.changed.length === 0) return 0;
    writeChanges(db, attribute, plan.changed);
    appendAudit(db, {
      actor,
      action: 'anonymize.generalise',
      objectType: 'participant attribute',
      objectId: attribute,
      detail: { ...ruleDetail(rule), participantsChanged: plan.changed.length },
    });
    return plan.changed.length;
  })();
  return { participantsChanged, report: riskReportOf(readParticipantQuasiIdentifiers(db), quasiIdentifiers) };
}
