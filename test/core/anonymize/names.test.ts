import { describe, expect, it } from 'vitest';
import {
  buildRosterNameIndex,
  createRosterMatcher,
  parseCsvRows,
  parseRosterCsv,
} from '../../../electron/core/anonymize/rosterNames';
import { scanForPii } from '../../../electron/core/anonymize/scan';

const KEY = Buffer.alloc(32, 9);
const PEOPLE = [
  { givenNames: 'Priya', familyNames: 'Raman', nicknames: ['Pri'] },
  { givenNames: 'Will', familyNames: 'Okafor' },
  { givenNames: 'Mary-Jane', familyNames: 'Ó Súilleabháin' },
];
const index = buildRosterNameIndex(KEY, PEOPLE);
const roster = createRosterMatcher(KEY, index);
const people = (text: string, withRoster = true) =>
  scanForPii(text, withRoster ? { roster } : {})
    .filter((f) => f.entity === 'PERSON')
    .map((f) => [...text].slice(f.start, f.end).join(''));

describe('roster names', () => {
  it('keeps only keyed hashes: no name of the roster appears in the index', () => {
    const stored = JSON.stringify(index);
    for (const word of ['priya', 'raman', 'pri', 'okafor', 'mary', 'jane'])
      expect(stored.toLowerCase()).not.toContain(word);
    expect(index.tokens.length).toBeGreaterThanOrEqual(8);
  });

  it('finds full names, first names alone, possessives, nicknames and lower case', () => {
    expect(people('I met Priya Raman today.')).toEqual(['Priya Raman']);
    expect(people("It was Priya's idea.")).toEqual(['Priya']);
    expect(people('thanks pri and priya')).toEqual(['pri', 'priya']);
    expect(people('Okafor was late.')).toEqual(['Okafor']);
    expect(people('Mary-Jane and Jane came, so did Mary.')).toEqual(['Mary-Jane', 'Jane', 'Mary']);
    // Accents are folded: the roster's spelling and a plain-keyboard spelling are both found.
    expect(people('Talk to Ó Súilleabháin, or O Suilleabhain.')).toEqual(['Súilleabháin', 'Suilleabhain']);
  });

  it('does not take an ordinary word for a roster name without a cue', () => {
    expect(people('I will ask her.')).toEqual([]);
    expect(people('My mentor will said yes.')).toEqual(['will']);
    expect(people('Will said yes.')).toEqual(['Will']);
  });

  it('needs a cue for a roster name that is an everyday word in lower case ("bell", "shell")', () => {
    const bell = createRosterMatcher(
      KEY,
      buildRosterNameIndex(KEY, [{ givenNames: 'Marcus', familyNames: 'Bell' }]),
    );
    const found = (text: string) =>
      scanForPii(text, { roster: bell })
        .filter((f) => f.entity === 'PERSON')
        .map((f) => text.slice(f.start, f.end));
    expect(found("It rings a bell, but I can't remember.")).toEqual([]);
    expect(found('Marcus Bell and bell said yes.')).toEqual(['Marcus Bell', 'bell']);
    expect(found('Ask Bell.')).toEqual(['Bell']);
  });

  it('a different key cannot read the index', () => {
    const other = createRosterMatcher(Buffer.alloc(32, 8), index);
    expect(other.find('Priya Raman')).toEqual([]);
  });

  it('parses roster CSVs with split or full names and quoted fields', () => {
    expect(parseRosterCsv('First Name,Surname,Known as\nPriya,Raman,"Pri; P"\n,,\n')).toEqual([
      { givenNames: 'Priya', familyNames: 'Raman', nicknames: ['Pri', 'P'] },
    ]);
    expect(parseRosterCsv('\uFEFFname\r\n"Okafor, Will"\r\nAroha Ngata\r\n')).toEqual([
      { givenNames: 'Okafor,', familyNames: 'Will', nicknames: [] },
      { givenNames: 'Aroha', familyNames: 'Ngata', nicknames: [] },
    ]);
    expect(parseCsvRows('a,"b ""c""",d\n1,2,3')).toEqual([
      ['a', 'b "c"', 'd'],
      ['1', '2', '3'],
    ]);
  });
});

describe('names not on the roster', () => {
  it('finds the Presidio person cases', () => {
    expect(people('my name is Dan', false)).toEqual(['Dan']);
    expect(people('John Oliver is a comedian.', false)).toEqual(['John Oliver']);
    expect(people('Richard Milhous Nixon', false)).toEqual(['Richard Milhous Nixon']);
    expect(people('Richard M. Nixon', false)).toEqual(['Richard M. Nixon']);
    expect(people('They call me Mr. Mayers', false)).toEqual(['Mayers']);
  });

  it('uses cues for names the word lists do not know', () => {
    expect(people('My manager Chidi introduced us.', false)).toEqual(['Chidi']);
    expect(people('Honestly, Oluwaseun said it best.', false)).toEqual(['Oluwaseun']);
    expect(people('Ngozi, my buddy, kept me going.', false)).toEqual(['Ngozi']);
    expect(people("Bongani Dlamini's talk was great.", false)).toEqual(['Bongani Dlamini']);
  });

  it("reads particles, double-barrelled and O' names as parts of a name", () => {
    expect(people('Pieter van der Berg ran the Dutch cohort.', false)).toEqual(['Pieter van der Berg']);
    expect(people('We met María de la Cruz there.', false)).toEqual(['María de la Cruz']);
    expect(people("P36: Mary-Kate O'Neill sorted out my hours.", false)).toEqual(["Mary-Kate O'Neill"]);
    expect(people("I asked Seamus O'Sullivan.", false)).toEqual(["Seamus O'Sullivan"]);
    expect(people('I reported it to Ms Adebayo-Smith.', false)).toEqual(['Adebayo-Smith']);
    // Two lower-case words between capitals are not particles ("Leeds and the Wirral").
    expect(people('Pieter and the Berg came.', false)).not.toContain('Pieter and the Berg');
  });

  it('leaves words that only look like names', () => {
    expect(people('Will you send it? May was busy. Hope this helps.', false)).toEqual([]);
    expect(people('We used Zoom, then Teams, then WhatsApp.', false)).toEqual([]);
    const text = 'We met in the Rose Garden. She taught in Jordan for two years. Jordan said hi.';
    const found = scanForPii(text).map((f) => [f.entity, [...text].slice(f.start, f.end).join('')]);
    expect(found).toEqual([
      ['LOCATION', 'Rose Garden'],
      ['LOCATION', 'Jordan'],
      ['PERSON', 'Jordan'],
    ]);
  });

  it('names organisations and places', () => {
    const text = 'I joined Leeds City Council after a placement at Barclays Bank in Manchester.';
    expect(scanForPii(text).map((f) => [f.entity, text.slice(f.start, f.end)])).toEqual([
      ['ORGANIZATION', 'Leeds City Council'],
      ['ORGANIZATION', 'Barclays Bank'],
      ['LOCATION', 'Manchester'],
    ]);
  });
});

describe('titles at the start of a sentence', () => {
  it('still mark the name after them', () => {
    expect(people('Ms. Walker signed it. Dr Okonjo came too.', false)).toEqual(['Walker', 'Okonjo']);
  });
});

describe('ordinary words the lists take for names', () => {
  it('greetings and thanks in any language are not names; the name after them is', () => {
    expect(people('Merci Marguerite, à bientôt !', false)).toEqual(['Marguerite']);
    expect(people('Gracias Leon, see you Tuesday.', false)).toEqual(['Leon']);
  });

  it('festivals and observances are not people', () => {
    expect(people('Christmas and Easter breaks broke our rhythm.', false)).toEqual([]);
    expect(people('We paused for Eid, then for Diwali.', false)).toEqual([]);
  });
});

describe('how a capitalised word is read', () => {
  it('folds accents before asking the lists ("Björn" is "bjorn", "Søren" is "soren")', () => {
    expect(people('Björn said the Copenhagen office would join.', false)).toEqual(['Björn']);
    expect(people('Ask Søren.', false)).toEqual(['Søren']);
  });

  it('reads a double-barrelled first name even when one part is an ordinary word ("Jean-Luc")', () => {
    expect(people('Jean-Luc from the Paris office joined by video.', false)).toEqual(['Jean-Luc']);
  });

  it('keeps two short hyphenated syllables as a name ("Seo-yeon"), not as "Welsh-language"', () => {
    expect(people('Last week Seo-yeon shared her CV.', false)).toEqual(['Seo-yeon']);
    expect(people('We ran Welsh-language sessions.', false)).toEqual([]);
  });

  it('takes the plural of an ordinary word for a word, even a surname-shaped one opening a sentence', () => {
    expect(people('Activities helped us bond.', false)).toEqual([]);
    expect(people('Sessions helped me most.', false)).toEqual([]);
    expect(people('Jenkins said so.', false)).toEqual(['Jenkins']);
  });
});

describe('a word opening a sentence', () => {
  it('that is a gerund of an English verb is not joined to the name after it', () => {
    expect(people('Shadowing Leon in the data team opened my eyes.', false)).toEqual(['Leon']);
    expect(people('Upskilling helped me a lot.', false)).toEqual([]);
  });

  it('that has the ending of an English derived word is not a name, even before a verb of a person', () => {
    expect(people('Leadership taught me a lot.', false)).toEqual([]);
    expect(people('Neurodiversity helped frame it.', false)).toEqual([]);
  });

  it("that has a surname's O'/D' shape is a name", () => {
    expect(people("O'Sullivan was really helpful.", false)).toEqual(["O'Sullivan"]);
  });

  it('that no list knows is a name before "is", "was", "has" unless it reads as English', () => {
    expect(people('Olamide is thinking of leaving.', false)).toEqual(['Olamide']);
    expect(people('Xiaoming is new to the team.', false)).toEqual(['Xiaoming']);
    // A workplace word, a rarer English word, two English words (a brand's shape).
    expect(people('Mentee was late again.', false)).toEqual([]);
    expect(people('Handbook is online.', false)).toEqual([]);
    expect(people('Glassdoor has the reviews.', false)).toEqual([]);
    // "and" alone says nothing: listed with another name it does (see below).
    expect(people('Asana and Trello were both used.', false)).toEqual([]);
  });
});

describe('interview cues', () => {
  it('reporting and action verbs after a name', () => {
    expect(people('Chinedu reminded me to write down three wins a week.', false)).toEqual(['Chinedu']);
    expect(people('Wojtek kept the notes.', false)).toEqual(['Wojtek']);
  });

  it('a job in apposition or before a name', () => {
    expect(people('Bill, the receptionist, always had the room ready.', false)).toEqual(['Bill']);
    expect(people('Our receptionist Precious was lovely.', false)).toEqual(['Precious']);
  });

  it('a team after a name, unless a preposition of place comes before it', () => {
    expect(people('Siân in legal was really helpful.', false)).toEqual(['Siân']);
    expect(people('Hyun-woo from accounts sorted it.', false)).toEqual(['Hyun-woo']);
    const text = 'I worked in Jordan in finance.';
    expect(scanForPii(text).map((f) => [f.entity, text.slice(f.start, f.end)])).toEqual([
      ['LOCATION', 'Jordan'],
    ]);
  });

  it('"X and I", "me and X"', () => {
    expect(people('Ewelina and I co-led the session.', false)).toEqual(['Ewelina']);
    expect(people('Me and Joy did the presentation.', false)).toEqual(['Joy']);
  });

  it('a greeting before a name that is also a word, and more titles', () => {
    expect(people('Hi Joy, thanks for today.', false)).toEqual(['Joy']);
    expect(people('Aunty Folake always asks about work. Imam Hassan spoke.', false)).toEqual([
      'Folake',
      'Hassan',
    ]);
  });
});

describe('names in a list', () => {
  it('a word the rules left is a person when "and", "&" or a comma joins it to a person', () => {
    expect(people('Thandiwe and Bongani ran the Johannesburg pilot.', false)).toEqual([
      'Thandiwe',
      'Bongani',
    ]);
    expect(people('Kwame, Kofi and Leon came.', false)).toEqual(['Kwame', 'Kofi', 'Leon']);
    expect(people('I went with Will and Sarah.', false)).toEqual(['Will', 'Sarah']);
    expect(people('Asana and Trello were both used.', false)).toEqual([]);
    expect(people('Leadership and Leon.', false)).toEqual(['Leon']);
  });
});
