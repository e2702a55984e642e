import type { DocumentKind } from '../../../shared/documentImport';
import type { ImportKind } from '../../../shared/import';

/**
 * A small, made-up mentoring program for the demo and for trying Confidant out: a roster of 40 people in
 * two cohorts (with grade, site, gender and date of birth, kept as an age band), who is paired with whom, a baseline and an end-of-program wave of a confidence survey, the
 * pairs' meetings and the mentees' career moves. Deterministic (a seeded generator), so every demo builds the
 * same project. Every name and address is invented.
 */
const FIRST = ['Amara', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'George', 'Hana', 'Ivan', 'Joanna'];
const LAST = ['Okafor', 'Smith', 'Wang', 'Levi', 'Cohen', 'Khan', 'Brown', 'Sato', 'Petrov', 'Mensah'];
const DEPARTMENTS = ['Finance', 'Operations', 'Engineering', 'People', 'Sales'];
const GRADES = ['G5', 'G6', 'G7', 'G8'];
const SITES = ['Leeds', 'London', 'Glasgow'];
const GENDERS = ['Female', 'Male', 'Female', 'Male', 'Non-binary'];
const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const QUESTIONS = [
  'I feel confident leading a team',
  'I know what my next career step is',
  'I have someone to turn to for advice at work',
];
const CHANGES = [
  'I chaired my first project meeting.',
  'I asked for a stretch assignment and got it.',
  'Too early to tell, but the conversations help.',
  'I understand how decisions are made above my level.',
];

export interface ExampleFile {
  name: string;
  content: string;
  kind: ImportKind;
  /** Survey waves: the collection window they belong to. */
  window?: string;
}

const TOPICS = ['Goals', 'Feedback on a presentation', 'Career paths', 'Handling conflict', 'Networking'];
const CAREER_EVENTS = ['Promoted', 'Expanded responsibilities', 'Lateral move', 'Role change'];

/** Park and Miller's minimal standard generator: good enough to vary made-up answers, and repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const csv = (rows: string[][]) =>
  `${rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\n')}\n`;

/** The program's files, in the order they can be imported (the roster first: the others refer to it). */
export function exampleProgram(people = 40): ExampleFile[] {
  const random = seeded(20261121);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const staff = Array.from({ length: people }, (_, i) => ({
    id: `E${1001 + i}`,
    first: FIRST[i % FIRST.length]!,
    last: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
    cohort: i < people / 2 ? '2026 Spring' : '2026 Autumn',
    role: i % 3 === 0 ? 'Mentor' : 'Mentee',
    department: DEPARTMENTS[i % DEPARTMENTS.length]!,
    grade: GRADES[(i * 3) % GRADES.length]!,
    site: SITES[(i * 7) % SITES.length]!,
    gender: GENDERS[(i * 2) % GENDERS.length]!,
    birthDate: `${1970 + ((i * 13) % 30)}-0${1 + (i % 9)}-1${i % 10}`,
  }));
  const email = (person: (typeof staff)[number]) =>
    `${person.first}.${person.last}@example.org`.toLowerCase();
  const mentors = staff.filter((person) => person.role === 'Mentor');
  const mentees = staff.filter((person) => person.role === 'Mentee');
  const pairs = mentees.map((mentee, i) => ({ mentor: mentors[i % mentors.length]!, mentee }));
  const wave = (lift: number) =>
    csv([
      ['Email', ...QUESTIONS, 'What has changed for you?'],
      ...mentees.map((person) => [
        email(person),
        ...QUESTIONS.map(() => AGREEMENT[Math.min(4, Math.floor(random() * 3) + lift)]!),
        pick(CHANGES),
      ]),
    ]);
  return [
    {
      name: 'roster.csv',
      kind: 'roster',
      content: csv([
        [
          'Employee ID',
          'Email',
          'First name',
          'Last name',
          'Cohort',
          'Role',
          'Department',
          'Grade',
          'Site',
          'Gender',
          'Date of birth',
        ],
        ...staff.map((p) => [
          p.id,
          email(p),
          p.first,
          p.last,
          p.cohort,
          p.role,
          p.department,
          p.grade,
          p.site,
          p.gender,
          p.birthDate,
        ]),
      ]),
    },
    {
      name: 'pairings.csv',
      kind: 'pairings',
      content: csv([
        ['Mentor ID', 'Mentee ID', 'Match date', 'Match score', 'Pairing status'],
        ...pairs.map(({ mentor, mentee }) => [
          mentor.id,
          mentee.id,
          '2026-02-02',
          `${60 + Math.floor(random() * 40)}%`,
          'Active',
        ]),
      ]),
    },
    { name: 'baseline-survey.csv', kind: 'survey', window: 'Baseline', content: wave(0) },
    {
      name: 'meetings.csv',
      kind: 'activity',
      content: csv([
        ['Mentor ID', 'Mentee ID', 'Meeting date', 'Duration', 'Topics'],
        ...pairs.flatMap(({ mentor, mentee }) =>
          [3, 5, 7].map((month) => [
            mentor.id,
            mentee.id,
            `2026-0${month}-1${Math.floor(random() * 9)}`,
            `${30 + 15 * Math.floor(random() * 4)} min`,
            pick(TOPICS),
          ]),
        ),
      ]),
    },
    {
      name: 'career-moves.csv',
      kind: 'hr',
      content: csv([
        ['Employee ID', 'Change type', 'Effective date'],
        ...mentees
          .filter(() => random() < 0.4)
          .map((mentee) => [mentee.id, pick(CAREER_EVENTS), '2026-10-01']),
      ]),
    },
    { name: 'end-of-program-survey.csv', kind: 'survey', window: 'End of program', content: wave(2) },
  ];
}

export interface ExampleDocument {
  name: string;
  content: string;
  kind: DocumentKind;
  title: string;
  /** The participant it is about, by employee id. */
  participant: string;
  window: string;
}

/**
 * A made-up end-of-program interview with the first mentee of the roster (Ben Okafor, E1002, mentored by Amara
 * Okafor), with the names, e-mail address and phone number an interview lets slip: it waits for review.
 */
export function exampleInterview(): ExampleDocument {
  return {
    name: 'interview-E1002.txt',
    kind: 'transcript',
    title: 'End-of-program interview',
    participant: 'E1002',
    window: 'End of program',
    content: [
      'End-of-program interview, recorded with consent',
      '',
      '[00:00:05] Interviewer: Thanks for joining. How would you sum up the last eight months?',
      '[00:00:12] Ben: Honestly, better than I expected. Amara pushed me to chair the quarterly review,',
      'which I would never have volunteered for.',
      '[00:01:40] Interviewer: What made the difference?',
      '[00:01:47] Ben: Having someone outside Finance to think out loud with. We met every three weeks,',
      'usually for coffee near the Leeds office.',
      '[00:03:02] Interviewer: Anything you would change about the program?',
      '[00:03:10] Ben: More structure at the start. If the team wants to follow up, my e-mail is',
      'ben.okafor@example.org, or call me on 07700 900456.',
      '[00:03:55] Interviewer: Thank you, Ben.',
      '',
    ].join('\n'),
  };
}
