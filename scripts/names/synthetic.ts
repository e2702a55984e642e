import * as fakers from '@faker-js/faker';
import type { Faker } from '@faker-js/faker';
import { pick, seededRandom, type Random } from '../../test/fixtures/pii/values';
import { btc, unerEwt, wikigold, type LabelledSpan, type LabelledText, type Split } from './corpora';

/**
 * Interview- and survey-shaped sentences with people, places, organisations, dates, ages and @handles, filled
 * from faker's name and address lists of many locales (MIT). Two disjoint halves: the training templates and
 * names, and the held-out templates and names (a name string belongs to one half by its hash), so the
 * held-out score measures sentences and names the model never saw. Deterministic for a seed.
 */

const LOCALES = [
  'AF_ZA', 'AZ', 'CS_CZ', 'CY', 'DA', 'DE', 'DE_AT', 'EN_AU', 'EN_GB', 'EN_GH', 'EN_IE', 'EN_IN', 'EN_NG',
  'EN_US', 'EN_ZA', 'ES', 'ES_MX', 'FI', 'FR', 'FR_SN', 'HR', 'HU', 'ID_ID', 'IT', 'KU_kmr_latin', 'LV',
  'NB_NO', 'NL', 'PL', 'PT_BR', 'PT_PT', 'RO', 'SK', 'SL_SI', 'SR_RS_latin', 'SV', 'TR', 'UZ_UZ_latin', 'VI',
  'YO_NG', 'ZU_ZA',
] as const; // prettier-ignore

/** Train templates. Slots: {first} {last} {full} {city} {country} {street} {org} {dob} {date} {age} {handle}. */
const TRAIN_TEMPLATES = [
  'my name is {first}',
  'My name is {full} and I work at {org}.',
  'hi, {first} here, I joined the programme in {date}.',
  "What's your last name? {last}",
  'her maiden name is {last}',
  'I was mentored by {full} for about a year.',
  'My mentor {first} was brilliant.',
  '{first} said I should apply for the role at {org}.',
  'I spoke to {first} {last} about the placement in {city}.',
  'We had sessions with {last}, {last} and {last}.',
  'The panel was {full}, {full} and {full}.',
  'Thanks to {first} and {first} for organising it.',
  'me and {first} went to {city} for the conference.',
  'I live at {street}, {city}.',
  'Send it to {street}, {city}, {country}.',
  'Our office moved to {street} last year.',
  'I grew up in {city}, {country}.',
  'She relocated from {country} to {city}.',
  'I worked for {org} before I joined {org}.',
  'He is a nurse at {org} in {city}.',
  'Date of birth: {dob}',
  'I was born on {dob} in {city}.',
  'DOB {dob}',
  'The meeting is on {date}.',
  'We first met on {date} at {org}.',
  'I am {age} years old.',
  "I'm {age} and have two kids.",
  'I turn {age} next month.',
  'Age: {age}',
  'my daughter is {age} now',
  'You can find me on Twitter as {handle}.',
  'follow {handle} for updates',
  '{handle} thanks for the session!',
  'Interviewer: Who else was there? P3: {first}, and {full} from {org}.',
  '{FULL} SPOKE AT THE EVENT IN {CITY}.',
  'thank you {first_lc}, that was really helpful',
  'so {first_lc} {last_lc} told me to just go for it',
  'i met {first_lc} at the {city_lc} office',
  'Dr {last} ran the workshop.',
  'Ms {last} from {org} called me.',
  '{full} ({age}) has been with {org} since {date}.',
  'I asked {first} whether {first} could join us in {city}.',
  '{full} introduced me to {full}, who runs the scheme at {org}.',
  '{full} from HR explained how the pairing worked.',
  'I updated my CV and my LinkedIn profile, and {first} checked them.',
  'My NHS number and IBAN are with HR, said {first}.',
  'The VPN kept dropping, so IT called {first}.',
  'Bill it to the L&D budget or ask {first} in Finance.',
  'We met at the CEO briefing and the Q&A after it.',
  '{first} is my line manager and {first} is my buddy.',
  'Contact details: {full}, {street}, {city}.',
  'Name: {full}',
  'Full name: {full}. Date of birth: {dob}.',
  'Signed, {full}',
  'Kind regards, {first}',
  '{first}: yeah, it was fine. {first}: ok, thanks.',
  'With {first} it was always easy to talk.',
  'My colleague {first} {last} from the {city} team helped.',
  'The client, {org}, wanted a report by {date}.',
  'we drove from {city} to {city} in one day',
  'He used to work at {org} in {country}.',
  'I emailed {first} on {date}.',
  'her son {first} is {age}',
  'I am a {age}-year-old engineer from {city}.',
  'Patience was the main lesson, and the Charter helped.',
  'We bought a Toyota and used Arduino kits in the workshop.',
  'Contact Details',
  'Leadership, Resilience and Wellbeing were the themes.',
  'The Mentoring Handbook and the Code of Conduct are on the intranet.',
  'I watched a Thriller and read The Great Gatsby.',
  'Merlot and Chardonnay were served at the Summer Party.',
  'We used Slack, Zoom and Teams most weeks.',
  'Last week we had a session about Goals.',
  'Monday was busy; Friday was quiet.',
  'The Steering Group met in March.',
] as const;

/** Held-out templates: other shapes of the same kinds, never trained on. */
const HELDOUT_TEMPLATES = [
  "hello, i'm {first_lc}",
  'Hi everyone, I am {full}.',
  'Could you spell your surname? Yes, {last}.',
  'My husband {first} works at {org}.',
  'I had coffee with {full} yesterday.',
  '{first} and I disagreed about it.',
  'Partners on the project: {last}, {last} & {last}.',
  'The trainers were {first}, {first} and {full}.',
  'Ask {first_lc} about it',
  'ok so {full_lc} is the new coordinator',
  '{FULL}',
  'Our address is {street}, {city}.',
  'They are based at {street} in {city}.',
  'I come from {city} originally, near the border with {country}.',
  'After {country} I moved to {city}.',
  'She left {org} to join {org}.',
  'Employer: {org}',
  'Born {dob}.',
  'D.O.B.: {dob}',
  'The interview took place on {date}.',
  'I have been here since {date}.',
  'I am now {age}.',
  'When I was {age} I started my first job.',
  'He will be {age} in May.',
  'I am aged {age}.',
  'DM me at {handle}',
  'cc {handle} {handle}',
  'P7: I think {first} helped most, honestly. And {full}.',
  '{first}, thank you for that.',
  'Mentee: {full}; Mentor: {full}.',
  'Professor {last} supervised my thesis at {org}.',
  'i grew up in {city_lc} and my mum still lives there',
  'the {org} people were great, especially {first_lc}',
  'We recommend {full} to anyone in {city}.',
  'What is your name? {full}.',
  'Volunteering at {org} changed how I see {city}.',
  'The Strategy and the Framework were both discussed.',
  'I prefer Python and Excel to anything else.',
  'Team Spirit Award',
  'It was a Wednesday in late Autumn.',
] as const;

/** A name string's half: a quarter of all names are held out. */
function halfOf(value: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 4 === 0 ? 'heldout' : 'train';
}

const ORG_SUFFIX =
  / (?:Inc|LLC|Ltd|Group|and Sons|& Co|GmbH|AG|KG|SA|Srl|S\.A\.|AB|AS|ASA|Oy|BV|NV|plc)\.?$/i;
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}\s'’.\-&,/()]+$/u;

function latin(value: string): boolean {
  return LATIN.test(value) && value.trim().length > 1;
}

function fakerOf(locale: string): Faker {
  return (fakers as unknown as Record<string, Faker>)[`faker${locale}`]!;
}

interface Slot {
  text: string;
  entity: string;
}

/** A value of this half in Latin letters; after 30 tries any Latin value (a locale with few of them). */
function drawName(split: Split, draw: () => string): string {
  let fallback = '';
  for (let tries = 0; tries < 30; tries += 1) {
    const value = draw();
    if (!latin(value)) continue;
    if (halfOf(value) === split) return value;
    fallback = value;
  }
  return fallback || drawName(split, () => fakers.fakerEN.person.lastName());
}

function dateText(random: Random, f: Faker, birth: boolean): string {
  const d = birth ? f.date.birthdate({ min: 18, max: 80, mode: 'age' }) : f.date.past({ years: 4 });
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']; // prettier-ignore
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const year = d.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  return pick(random, [
    `${day} ${months[month]} ${year}`,
    `${months[month]} ${day}, ${year}`,
    `${pad(day)}/${pad(month + 1)}/${year}`,
    `${year}-${pad(month + 1)}-${pad(day)}`,
    `${day}.${month + 1}.${year}`,
    `${day} ${months[month]!.slice(0, 3)} ${year}`,
  ]);
}

function fill(slot: string, random: Random, f: Faker, split: Split): Slot {
  const first = () => drawName(split, () => f.person.firstName());
  const last = () => drawName(split, () => f.person.lastName());
  const place = (draw: () => string) => drawName(split, draw);
  switch (slot) {
    case 'first':
      return { text: first(), entity: 'PERSON' };
    case 'last':
      return { text: last(), entity: 'PERSON' };
    case 'full':
      return { text: `${first()} ${last()}`, entity: 'PERSON' };
    case 'first_lc':
      return { text: first().toLowerCase(), entity: 'PERSON' };
    case 'last_lc':
      return { text: last().toLowerCase(), entity: 'PERSON' };
    case 'full_lc':
      return { text: `${first()} ${last()}`.toLowerCase(), entity: 'PERSON' };
    case 'FULL':
      return { text: `${first()} ${last()}`.toUpperCase(), entity: 'PERSON' };
    case 'city':
      return { text: place(() => f.location.city()), entity: 'LOCATION' };
    case 'city_lc':
      return { text: place(() => f.location.city()).toLowerCase(), entity: 'LOCATION' };
    case 'CITY':
      return { text: place(() => f.location.city()).toUpperCase(), entity: 'LOCATION' };
    case 'country':
      return { text: place(() => f.location.country()), entity: 'LOCATION' };
    case 'street':
      return { text: place(() => f.location.streetAddress()), entity: 'STREET' };
    case 'org':
      return {
        text: place(() => f.company.name().replace(ORG_SUFFIX, '').replace(/,$/, '')),
        entity: 'ORGANIZATION',
      };
    case 'dob':
      return { text: dateText(random, f, true), entity: 'DATE' };
    case 'date':
      return { text: dateText(random, f, false), entity: 'DATE' };
    case 'age':
      return { text: String(18 + Math.floor(random() * 60)), entity: 'AGE' };
    case 'handle': {
      const name = `${first()}${pick(random, ['_', '', '.', '_'])}${pick(random, [last(), String(Math.floor(random() * 99))])}`;
      const handle = name
        .normalize('NFD')
        .replace(/[^A-Za-z0-9_]/g, '')
        .slice(0, 15);
      return { text: `@${pick(random, [handle, handle.toLowerCase()])}`, entity: 'USERNAME' };
    }
    default:
      throw new Error(`unknown slot ${slot}`);
  }
}

function render(template: string, random: Random, f: Faker, split: Split): LabelledText {
  let text = '';
  const spans: LabelledSpan[] = [];
  const parts = template.split(/(\{[A-Za-z_]+\})/);
  for (const part of parts) {
    const slot = /^\{([A-Za-z_]+)\}$/.exec(part);
    if (!slot) {
      text += part;
      continue;
    }
    const value = fill(slot[1]!, random, f, split);
    spans.push({ start: text.length, end: text.length + value.text.length, entity: value.entity });
    text += value.text;
  }
  // A tenth of the sentences as typed in a hurry or transcribed: all lower case.
  if (random() < 0.1) text = text.toLowerCase();
  return { source: 'synthetic', text, spans };
}

export function syntheticSentences(
  split: Split,
  count: number,
  seed = split === 'train' ? 7 : 11,
): LabelledText[] {
  const random = seededRandom(seed);
  const templates = split === 'train' ? TRAIN_TEMPLATES : HELDOUT_TEMPLATES;
  const out: LabelledText[] = [];
  for (let i = 0; i < count; i += 1) {
    const f = fakerOf(pick(random, LOCALES));
    f.seed(Math.floor(random() * 2 ** 31));
    out.push(render(pick(random, templates), random, f, split));
  }
  return out;
}

/**
 * What the model trains on, and the tenth of it kept aside: the calibration of its confidence, and the
 * development set on which designs are compared and misses read (the held-out sets never are).
 */
export function trainingTexts(synthetic: number): { training: LabelledText[]; calibration: LabelledText[] } {
  const texts = [
    ...btc('train'),
    ...unerEwt('train'),
    ...wikigold('train'),
    ...syntheticSentences('train', synthetic),
  ];
  const shuffle = seededRandom(5);
  const aside = texts.map(() => shuffle() < 0.1);
  return { training: texts.filter((_, i) => !aside[i]), calibration: texts.filter((_, i) => aside[i]) };
}

export { seededRandom };
