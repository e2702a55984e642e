/**
 * A small, made-up mentoring program for the demo and for trying Confidant out: a roster of 40 people in
 * two cohorts, and a baseline and an end-of-program wave of a confidence survey. Deterministic (a seeded
 * generator), so every demo builds the same project. Every name and address is invented.
 */
const FIRST = ['Amara', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'George', 'Hana', 'Ivan', 'Joanna'];
const LAST = ['Okafor', 'Smith', 'Wang', 'Levi', 'Cohen', 'Khan', 'Brown', 'Sato', 'Petrov', 'Mensah'];
const DEPARTMENTS = ['Finance', 'Operations', 'Engineering', 'People', 'Sales'];
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
}

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

export function exampleProgram(people = 40): {
  roster: ExampleFile;
  waves: (ExampleFile & { window: string })[];
} {
  const random = seeded(20261121);
  const staff = Array.from({ length: people }, (_, i) => ({
    id: `E${1001 + i}`,
    first: FIRST[i % FIRST.length]!,
    last: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
    cohort: i < people / 2 ? '2026 Spring' : '2026 Autumn',
    role: i % 3 === 0 ? 'Mentor' : 'Mentee',
    department: DEPARTMENTS[i % DEPARTMENTS.length]!,
  }));
  const email = (person: (typeof staff)[number]) =>
    `${person.first}.${person.last}@example.org`.toLowerCase();
  const roster = csv([
    ['Employee ID', 'Email', 'First name', 'Last name', 'Cohort', 'Role', 'Department'],
    ...staff.map((person) => [
      person.id,
      email(person),
      person.first,
      person.last,
      person.cohort,
      person.role,
      person.department,
    ]),
  ]);
  const wave = (lift: number) =>
    csv([
      ['Email', ...QUESTIONS, 'What has changed for you?'],
      ...staff
        .filter((person) => person.role === 'Mentee')
        .map((person) => [
          email(person),
          ...QUESTIONS.map(() => AGREEMENT[Math.min(4, Math.floor(random() * 3) + lift)]!),
          CHANGES[Math.floor(random() * CHANGES.length)]!,
        ]),
    ]);
  return {
    roster: { name: 'roster.csv', content: roster },
    waves: [
      { name: 'baseline-survey.csv', content: wave(0), window: 'Baseline' },
      { name: 'end-of-program-survey.csv', content: wave(2), window: 'End of program' },
    ],
  };
}
