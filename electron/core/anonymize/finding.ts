import type { PiiEntityName } from '../../../shared/redaction';

/**
 * A piece of free text that could identify someone. Offsets are UTF-16 indexes inside the engine (what
 * JavaScript strings use); `scanForPii` converts them to Unicode code points at the boundary.
 * Entity names are Presidio's (listed in shared/redaction.ts), so findings can be compared with Presidio and
 * presidio-research.
 */
export type PiiEntity = PiiEntityName;

export interface PiiFinding {
  start: number;
  /** Exclusive. */
  end: number;
  entity: PiiEntity;
  /** 0..1: how sure the detector is. */
  score: number;
  /** Why the detector flagged it, in words an evaluator can read ("valid IBAN checksum"). */
  reason: string;
}

/** What every detector is told about the project. */
export interface DetectionContext {
  /** ISO 3166-1 alpha-2 codes of the project's countries, upper case (GB, US, ...). */
  countries: readonly string[];
}

export type Detector = (text: string, context: DetectionContext) => PiiFinding[];

export function finding(
  start: number,
  end: number,
  entity: PiiEntity,
  score: number,
  reason: string,
): PiiFinding {
  return { start, end, entity, score, reason };
}
