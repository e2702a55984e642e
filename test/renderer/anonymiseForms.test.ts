import { describe, expect, it } from 'vitest';
import {
  describeValue,
  ruleFromFields,
  rulesFor,
  INITIAL_RULE_FIELDS,
} from '../../renderer/areas/anonymise/generalisationForm';
import { countriesFromText } from '../../renderer/areas/anonymise/settingsForm';

describe('the generalisation form', () => {
  it('offers only the rules that fit an attribute', () => {
    expect(rulesFor('category')).toEqual(['groupRare']);
    expect(rulesFor('number')).toEqual(['bands', 'topBottom', 'groupRare']);
    expect(rulesFor('date')).toEqual(['dates', 'groupRare']);
  });

  it('makes the rule its fields describe, leaving blank codes out', () => {
    expect(ruleFromFields({ ...INITIAL_RULE_FIELDS, kind: 'groupRare', threshold: '3' })).toEqual({
      value: { kind: 'groupRare', threshold: 3 },
    });
    expect(
      ruleFromFields({ ...INITIAL_RULE_FIELDS, kind: 'bands', width: '5', bottom: '', top: '65' }),
    ).toEqual({
      value: { kind: 'bands', width: 5, bottom: undefined, top: 65 },
    });
    expect(ruleFromFields({ ...INITIAL_RULE_FIELDS, kind: 'dates', precision: 'year' })).toEqual({
      value: { kind: 'dates', precision: 'year' },
    });
  });

  it('says what is wrong with the fields instead of making a rule', () => {
    expect(ruleFromFields({ ...INITIAL_RULE_FIELDS, threshold: '1' })).toEqual({
      problem: 'The smallest group to keep is a whole number of at least 2.',
    });
    expect(ruleFromFields({ ...INITIAL_RULE_FIELDS, kind: 'topBottom', bottom: '', top: '' })).toEqual({
      problem: 'Give a bottom code, a top code or both.',
    });
    expect(ruleFromFields({ ...INITIAL_RULE_FIELDS, kind: 'bands', bottom: '70', top: '18' })).toEqual({
      problem: 'The bottom code must be below the top code.',
    });
    expect(ruleFromFields({ ...INITIAL_RULE_FIELDS, kind: 'bands', width: 'ten' })).toEqual({
      problem: 'The band width must be a number.',
    });
  });

  it('shows a missing value as such', () => {
    expect(describeValue(null)).toBe('(none recorded)');
    expect(describeValue(34)).toBe('34');
  });
});

describe('the settings form', () => {
  it('reads countries separated by commas, semicolons or spaces, in capitals', () => {
    expect(countriesFromText(' gb, us;ie  de ')).toEqual(['GB', 'US', 'IE', 'DE']);
    expect(countriesFromText('')).toEqual([]);
  });
});
