/**
 * The areas of a project, in the order an evaluation runs. Each later issue fills one; until then its page says
 * what it will hold. `ready` areas have their own page already.
 */
export type AreaId =
  'import' | 'data' | 'anonymise' | 'coding' | 'framework' | 'dashboard' | 'reports' | 'audit' | 'security';

export interface Area {
  id: AreaId;
  label: string;
  /** One sentence on what the evaluator does here. */
  purpose: string;
  /** For areas still to come: what they will hold, and with which work. */
  comingWith?: string;
}

export const areas: Area[] = [
  {
    id: 'import',
    label: 'Import',
    purpose:
      'Bring in rosters, survey waves, HR progression records, activity logs and interview transcripts.',
  },
  {
    id: 'data',
    label: 'Data',
    purpose: 'Browse the participants, pairings, survey responses and records held in this project.',
  },
  {
    id: 'anonymise',
    label: 'Anonymise',
    purpose: 'Pseudonymise identifiers, review redactions and check disclosure risk.',
  },
  {
    id: 'coding',
    label: 'Coding',
    purpose: 'Code interview transcripts against a codebook, write memos and compare coders.',
    comingWith: 'the codebook, coded segments, memos and inter-rater reliability',
  },
  {
    id: 'framework',
    label: 'Framework',
    purpose: 'Describe the theory of change: outcome domains, indicators, targets and collection windows.',
    comingWith: 'the outcomes framework editor',
  },
  {
    id: 'dashboard',
    label: 'Dashboard',
    purpose: 'See indicators against their targets, by cohort and collection window.',
    comingWith: 'indicator charts and progress against targets',
  },
  {
    id: 'reports',
    label: 'Reports',
    purpose: 'Build impact reports for the steering group and export them as PDF, DOCX or spreadsheets.',
    comingWith: 'the report builder and its exports',
  },
  {
    id: 'audit',
    label: 'Audit log',
    purpose: 'Every change that matters in this project: who did it, when, and to what.',
  },
  {
    id: 'security',
    label: 'Security',
    purpose: 'Change the passphrase, set when the project locks itself, and make an encrypted backup.',
  },
];

export function areaById(id: AreaId): Area {
  const found = areas.find((area) => area.id === id);
  if (!found) throw new Error(`Unknown area ${id}`);
  return found;
}
