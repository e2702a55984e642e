import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import {
  SMALLEST_CLASSES_SHOWN,
  type ClassSizeBand,
  type RiskReport,
  type RiskSummary,
} from '../../../shared/disclosure';
import { kAnonymity, type KAnonymityReport, type ParticipantRecord } from './disclosure';
import {
  availableQuasiIdentifiers,
  readParticipantQuasiIdentifiers,
  requireAvailable,
  type ParticipantQuasiIdentifiers,
} from './participantQuasiIdentifiers';

/**
 * The risk panel's figures for a choice of quasi-identifiers, as ARX and sdcMicro report them: participants
 * unique on the combination (sdcMicro's fk = 1), k (the smallest combination), participants in combinations
 * smaller than 2, 3 and 5, and the combinations themselves, smallest first.
 *
 * A missing value is a value of its own, as in ARX (where a missing or suppressed "*" is one more value), not
 * sdcMicro's wildcard that matches every value. The wildcard only ever makes combinations larger, so this
 * choice never reports fewer uniques than sdcMicro would: it errs on the side of the participant, and a
 * roster's blanks ("no location recorded": often the contractors) are facts an outsider can know too.
 *
 * These are diagnostics for the evaluator inside the app: they name small groups on purpose, so that the
 * evaluator can coarsen them, and so they do not pass through publishedFigures.ts. Nothing here leaves the app.
 */

const CLASS_SIZE_BANDS: readonly { label: string; from: number; to: number }[] = [
  { label: '1', from: 1, to: 1 },
  { label: '2', from: 2, to: 2 },
  { label: '3–4', from: 3, to: 4 },
  { label: '5–9', from: 5, to: 9 },
  { label: '10 or more', from: 10, to: Number.POSITIVE_INFINITY },
];

/** How many combinations, and participants in them, are of each size band (1, 2, 3–4, 5–9, 10 or more). */
export function classSizeBands(report: KAnonymityReport): ClassSizeBand[] {
  return CLASS_SIZE_BANDS.map(({ label, from, to }) => {
    const inBand = report.classes.filter((each) => each.size >= from && each.size <= to);
    return {
      label,
      classes: inBand.length,
      participants: inBand.reduce((sum, each) => sum + each.size, 0),
    };
  });
}

export function summariseRisk(report: KAnonymityReport): RiskSummary {
  return {
    participants: report.classSizeOfRecord.length,
    uniques: report.uniqueRecords,
    k: report.k,
    classCount: report.classes.length,
    violating: report.recordsViolating,
  };
}

export function participantRecords(
  participants: readonly ParticipantQuasiIdentifiers[],
): ParticipantRecord[] {
  return participants.map((participant) => participant.values);
}

/** The risk report over participants already read (the generalisation preview reuses it on rewritten values). */
export function riskReportOf(
  participants: readonly ParticipantQuasiIdentifiers[],
  quasiIdentifiers: readonly string[],
): RiskReport {
  const available = availableQuasiIdentifiers(participants);
  requireAvailable(available, quasiIdentifiers);
  const report = kAnonymity(participantRecords(participants), quasiIdentifiers);
  return {
    ...summariseRisk(report),
    available,
    quasiIdentifiers: [...quasiIdentifiers],
    participantsWithMissing: participants.filter((participant) =>
      quasiIdentifiers.some((id) => (participant.values[id] ?? null) === null),
    ).length,
    classSizes: classSizeBands(report),
    smallestClasses: report.classes.slice(0, SMALLEST_CLASSES_SHOWN).map((each) => ({
      values: each.values.map((value) => value ?? null),
      size: each.size,
    })),
  };
}

export function riskReport(db: Connection, quasiIdentifiers: readonly string[]): RiskReport {
  return riskReportOf(readParticipantQuasiIdentifiers(db), quasiIdentifiers);
}
