import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * Postal codes of the project's countries. A UK postcode narrows an address to a handful of households, so
 * it is found by its strict format (Royal Mail's letters per position). A US ZIP code is only a ZIP when it
 * follows a state code ("SD 20241") or has its +4 part: five digits alone are too often something else.
 */
const UK_POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ]\d[A-HJKPSTUW]?|[A-PR-UWYZ]\d\d|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY0-9]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/g;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US_ZIP = new RegExp(
  `\\b(?:${US_STATES}),? (\\d{5}(?:-\\d{4})?)(?![\\w-])|(?<![\\w-])(\\d{5}-\\d{4})(?![\\w-])`,
  'g',
);
const CA_POSTAL =
  /(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])/g;

export const detectPostalCodes: Detector = (text, context) => {
  const found: PiiFinding[] = [];
  const countries = new Set(context.countries);
  if (countries.has('GB') || countries.has('UK')) {
    for (const match of matchesOf(UK_POSTCODE, text)) {
      found.push(
        finding(match.index, match.index + match[0].length, 'UK_POSTCODE', 0.7, 'UK postcode format'),
      );
    }
  }
  if (countries.has('US')) {
    for (const match of matchesOf(US_ZIP, text)) {
      const zip = match[1] ?? match[2] ?? '';
      const start = match.index + match[0].length - zip.length;
      found.push(finding(start, start + zip.length, 'POSTAL_CODE', 0.6, 'US ZIP code'));
    }
  }
  if (countries.has('CA')) {
    for (const match of matchesOf(CA_POSTAL, text)) {
      found.push(
        finding(match.index, match.index + match[0].length, 'POSTAL_CODE', 0.7, 'Canadian postal code'),
      );
    }
  }
  return found;
};
