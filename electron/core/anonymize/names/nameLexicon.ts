import nlp from 'compromise';
import { dictionary } from '@zxcvbn-ts/language-en';
import { GREETINGS } from './personCues';

/**
 * What the name detector knows about English words, built once from two word lists already shipped with the
 * app: compromise's lexicon (first names, surnames, places, organisations, and the part of speech of common
 * words) and zxcvbn's English dictionaries (female first names, 88k US surnames, 56k words ranked by how often
 * they are said in film subtitles). Nothing is downloaded; everything is lower-case.
 */
export interface NameLexicon {
  firstNames: Set<string>;
  surnames: Set<string>;
  /** Names that are also ordinary words ("Will", "May", "Grace", "Rose"): they need context. */
  ambiguousNames: Set<string>;
  /** Ordinary words: capitalised, they are usually the start of a sentence or a title, not a name. */
  commonWords: Set<string>;
  places: Set<string>;
  organisations: Set<string>;
  /** Words that end an organisation's name: Bank, University, Council, Trust, Ltd ... */
  organisationHeads: Set<string>;
  /** Words that end a place's name: Road, Street, Garden, Park ... */
  placeHeads: Set<string>;
  /**
   * Words zxcvbn's film-subtitle list has beyond its 4,000 most frequent that are not first names ("candor",
   * "handbook", but also surnames and "kwame"): a word in none of the sets is unknown to every list we have.
   */
  rareWords: Set<string>;
  /** Longest multi-word place or organisation in tokens. */
  longestPhrase: number;
}

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'Person', 'LastName']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam', 'Company']);

/** First names that are also everyday words, beyond those compromise marks as other parts of speech. */
const EXTRA_AMBIGUOUS = [
  'will',
  'may',
  'mark',
  'grace',
  'chase',
  'drew',
  'pat',
  'rob',
  'sue',
  'nick',
  'lance',
  'grant',
  'foster',
  'pierce',
  'wade',
  'spike',
  'buck',
  'skip',
  'blossom',
  'hope',
  'joy',
  'faith',
  'summer',
  'sunny',
  'rose',
  'june',
  'april',
  'august',
  'dawn',
  'eve',
  'holly',
  'ivy',
  'frank',
  'rich',
  'max',
  'miles',
  'gene',
  'reed',
  'dean',
  'hunter',
  'mason',
  'art',
  'ray',
  'bill',
  'jordan',
  'sky',
  'amber',
  'crystal',
  'ruby',
  'pearl',
  'violet',
  'daisy',
  'iris',
  'lily',
  'jasmine',
  'autumn',
  'april',
  'destiny',
  'harmony',
  'honey',
  'precious',
  'young',
  'king',
  'price',
  'page',
  'case',
  'bond',
  'major',
  'marshal',
  'guy',
  'ward',
  'cliff',
  'glen',
  'carol',
];

/** Software, platforms and brands a mentoring programme talks about: capitalised, never a person. */
const TOOLS_AND_BRANDS = [
  'zoom',
  'teams',
  'slack',
  'moodle',
  'canva',
  'miro',
  'trello',
  'padlet',
  'mentimeter',
  'kahoot',
  'calendly',
  'eventbrite',
  'surveymonkey',
  'qualtrics',
  'excel',
  'powerpoint',
  'outlook',
  'gmail',
  'youtube',
  'facebook',
  'instagram',
  'twitter',
  'tiktok',
  'reddit',
  'whatsapp',
  'linkedin',
  'google',
  'microsoft',
  'covid',
  'brexit',
  'wi-fi',
  'wifi',
  'bluetooth',
  'uber',
  'netflix',
  'spotify',
  'amazon',
  'iphone',
  'ipad',
  'android',
  'skype',
  'webex',
  'notion',
  'sharepoint',
  'onedrive',
  'dropbox',
  'workday',
  'salesforce',
  'jira',
  'confluence',
  'chatgpt',
];

/**
 * Festivals and observances a workplace marks: capitalised, never a person here, though zxcvbn lists "easter"
 * as a first name and "eid" as a surname.
 */
const FESTIVALS = [
  'easter',
  'christmas',
  'diwali',
  'deepavali',
  'eid',
  'ramadan',
  'ramadhan',
  'hanukkah',
  'chanukah',
  'passover',
  'pesach',
  'purim',
  'thanksgiving',
  'holi',
  'vaisakhi',
  'baisakhi',
  'navratri',
  'onam',
  'pongal',
  'kwanzaa',
  'halloween',
  'hogmanay',
  'lent',
  'advent',
  'pentecost',
  'whitsun',
  'juneteenth',
  'nowruz',
];

/** Workplace and programme words neither list knows: capitalised, they open a sentence, they name no one. */
const WORKPLACE_WORDS = [
  'mentee',
  'mentees',
  'mentoring',
  'postcode',
  'postcodes',
  'onboarding',
  'offboarding',
  'upskilling',
  'reskilling',
  'webinar',
  'webinars',
  'intranet',
  'payslip',
  'payslips',
  'timesheet',
  'timesheets',
  'secondment',
  'secondments',
  'secondee',
  'secondees',
  'e-learning',
  'elearning',
  'neurodiversity',
  'neurodivergent',
  'microaggressions',
  'allyship',
  'flexitime',
  'hybrid',
];

/** Organisation words compromise does not list but evaluators meet daily. */
const EXTRA_ORG_HEADS = [
  'ltd',
  'limited',
  'inc',
  'plc',
  'llp',
  'llc',
  'gmbh',
  'corp',
  'corporation',
  'university',
  'college',
  'school',
  'academy',
  'council',
  'trust',
  'foundation',
  'hospital',
  'bank',
  'group',
  'partners',
  'consulting',
  'solutions',
  'institute',
  'charity',
  'society',
  'agency',
  'ministry',
  'department',
  'nhs',
  'federation',
  'network',
  'fund',
];
const EXTRA_PLACE_HEADS = [
  'road',
  'street',
  'avenue',
  'lane',
  'garden',
  'gardens',
  'park',
  'square',
  'close',
  'crescent',
  'drive',
  'terrace',
  'way',
  'place',
  'court',
  'grove',
  'hill',
  'estate',
  'green',
  'common',
  'bridge',
  'quay',
  'wharf',
];

function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}

let cached: NameLexicon | undefined;

export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const model = nlp.model() as {
    one: { lexicon: Record<string, unknown> };
    two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
  };
  const firstNames = new Set<string>(dictionary['firstnames-en'] as string[]);
  const surnames = new Set<string>(dictionary['lastnames-en'] as string[]);
  const ambiguousNames = new Set<string>(EXTRA_AMBIGUOUS);
  const places = new Set<string>();
  const organisations = new Set<string>();
  const commonWords = new Set<string>();
  const nonNameWords = new Set<string>();
  const taggedAsNames = new Set<string>();
  let longestPhrase = 1;
  for (const [word, value] of Object.entries(model.one.lexicon)) {
    const tags = tagsOf(value);
    const words = word.split(' ').length;
    if (tags.some((t) => NAME_TAGS.has(t))) taggedAsNames.add(word);
    if (tags.some((t) => PLACE_TAGS.has(t))) {
      places.add(word);
      longestPhrase = Math.max(longestPhrase, words);
    } else if (tags.some((t) => ORG_TAGS.has(t))) {
      organisations.add(word);
      longestPhrase = Math.max(longestPhrase, words);
    } else if (words === 1 && tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) {
      firstNames.add(word);
    } else if (words === 1 && tags.includes('LastName')) {
      surnames.add(word);
    } else if (words === 1 && tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t))) {
      nonNameWords.add(word);
    }
  }
  const ranked = dictionary['commonWords-en'] as string[];
  // The 4,000 words said most often in films are ordinary words unless a list says they are a first name.
  for (let i = 0; i < Math.min(4000, ranked.length); i += 1) {
    const word = ranked[i]!;
    if (!firstNames.has(word)) commonWords.add(word);
    // zxcvbn's first names include everyday words compromise does not call names ("bell", "shell", "fan"):
    // frequent ones need context like "will" and "grace", or "rings a bell" names a roster's Bell.
    else if (!taggedAsNames.has(word)) ambiguousNames.add(word);
  }
  for (const word of nonNameWords) {
    commonWords.add(word);
    if (firstNames.has(word)) ambiguousNames.add(word);
  }
  for (const word of EXTRA_AMBIGUOUS) firstNames.add(word);
  for (const word of TOOLS_AND_BRANDS) commonWords.add(word);
  for (const word of WORKPLACE_WORDS) commonWords.add(word);
  for (const word of [...GREETINGS, ...FESTIVALS]) {
    firstNames.delete(word);
    surnames.delete(word);
    ambiguousNames.delete(word);
    commonWords.add(word);
  }
  const rareWords = new Set<string>();
  for (let i = 4000; i < ranked.length; i += 1) {
    const word = ranked[i]!;
    if (!firstNames.has(word) && !commonWords.has(word)) rareWords.add(word);
  }
  const organisationHeads = new Set([...Object.keys(model.two.orgWords), ...EXTRA_ORG_HEADS]);
  const placeHeads = new Set([...Object.keys(model.two.placeWords), ...EXTRA_PLACE_HEADS]);
  cached = {
    firstNames,
    surnames,
    ambiguousNames,
    commonWords,
    places,
    organisations,
    organisationHeads,
    placeHeads,
    rareWords,
    longestPhrase: Math.min(longestPhrase, 4),
  };
  return cached;
}
