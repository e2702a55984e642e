import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * Web addresses: with a scheme (http, https, ftp), starting with www., or a bare domain whose top-level
 * domain is a known one ("microsoft.com", "google.co.il"), so that "e.g." or "file.txt" are not URLs.
 * Every quantifier is bounded and the classes on each side of a dot do not overlap with it.
 */
const SCHEMED = /(?<![\w@])(?:https?|ftp):\/\/[^\s<>"'`{}|\\^]{1,2048}/gi;
const BARE =
  /(?<![\w@.\-/])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}([a-z]{2,24})(?![\w@-]|\.[a-z0-9])(?:[/?#][^\s<>"'`{}|\\^]{0,2048})?/gi;

/** Generic top-level domains in common use, plus every country code of ISO 3166-1. */
const GENERIC_TLDS =
  'com net org edu gov mil int info biz name pro mobi app dev io ai co site online store shop tech xyz blog news ' +
  'club cloud digital email global media network solutions systems agency academy school university team ' +
  'world live life today space website webcam law health care org.uk london scot wales nyc berlin paris ' +
  'vlaanderen amsterdam africa asia eu museum travel jobs careers consulting services group company foundation';
const COUNTRY_TLDS =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc ' +
  'cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb ' +
  'gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke ' +
  'kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt ' +
  'mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ' +
  'ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw ' +
  'tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';
const KNOWN_TLDS = new Set([...GENERIC_TLDS.split(' '), ...COUNTRY_TLDS.split(' ')]);

/** Trailing punctuation belongs to the sentence, not the address; a ')' only if it closes nothing. */
function trimTrailing(candidate: string): string {
  let end = candidate.length;
  for (;;) {
    const last = candidate[end - 1];
    if (last === undefined) break;
    if ('.,;:!?\'"]}>'.includes(last)) {
      end -= 1;
      continue;
    }
    if (last === ')') {
      const body = candidate.slice(0, end);
      const opens = body.split('(').length - 1;
      const closes = body.split(')').length - 1;
      if (closes > opens) {
        end -= 1;
        continue;
      }
    }
    break;
  }
  return candidate.slice(0, end);
}

function hostHasDomain(url: string): boolean {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  const host = afterScheme.split(/[/?#:]/, 1)[0] ?? '';
  if (host.startsWith('[')) return true;
  return /^[^.\s]{1,63}(?:\.[^.\s]{1,63}){0,8}\.[a-z][a-z0-9-]{1,23}$/i.test(
    host.replace(/^[^@]{0,256}@/, ''),
  );
}

const DOT_BEFORE_LETTER = /\.[a-z]/gi;
const BARE_AT = new RegExp(BARE.source, 'iy');
const DOMAIN_CHAR = /[a-z0-9.-]/i;

/**
 * A bare domain has a dot followed by a letter ("microsoft.com"), which prose rarely has (". " ends a
 * sentence). The domain regex is tried only from the start of the word holding such a dot.
 */
function* bareDomainCandidates(text: string): Generator<RegExpExecArray> {
  let resumeAt = 0;
  for (const dot of matchesOf(DOT_BEFORE_LETTER, text)) {
    if (dot.index < resumeAt) continue;
    let start = dot.index;
    while (start > 0 && dot.index - start < 260 && DOMAIN_CHAR.test(text[start - 1]!)) start -= 1;
    while (start < dot.index && !/[a-z0-9]/i.test(text[start]!)) start += 1;
    if (start < resumeAt) continue;
    BARE_AT.lastIndex = start;
    const match = BARE_AT.exec(text);
    resumeAt = match ? start + match[0].length : dot.index + 1;
    if (match) yield match;
  }
}

export const detectUrls: Detector = (text) => {
  const found: PiiFinding[] = [];
  let coveredUntil = -1;
  for (const match of matchesOf(SCHEMED, text)) {
    const url = trimTrailing(match[0]);
    if (!hostHasDomain(url)) continue;
    found.push(finding(match.index, match.index + url.length, 'URL', 0.95, 'web address with a scheme'));
    coveredUntil = match.index + url.length;
  }
  if (!text.includes('.')) return found;
  for (const match of bareDomainCandidates(text)) {
    if (match.index < coveredUntil && found.some((f) => f.start <= match.index && match.index < f.end))
      continue;
    const tld = (match[1] ?? '').toLowerCase();
    const withWww = match[0].slice(0, 4).toLowerCase() === 'www.';
    if (!KNOWN_TLDS.has(tld)) continue;
    const url = trimTrailing(match[0]);
    const score = withWww ? 0.9 : 0.6;
    found.push(finding(match.index, match.index + url.length, 'URL', score, 'domain name with a known TLD'));
  }
  return found;
};
