/**
 * Times in a recording as transcripts write them: 01:02:03.500 (WebVTT), 01:02:03,500 (SubRip), 1:02:03 or
 * 02:03 (a typed transcript's [00:01:02]). Read as seconds from the start of the recording.
 */
export const CLOCK = String.raw`(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;

// Seconds may be unpadded (Teams' 0:0:5.1); the CLOCK pattern that finds times in typed text still wants two digits.
const PARTS = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/** Seconds, or null when the text is not a time or its minutes or seconds are 60 or more. */
export function clockSeconds(text: string): number | null {
  const parts = PARTS.exec(text.trim());
  if (!parts) return null;
  const [, hours, minutes, seconds, fraction] = parts;
  if (Number(minutes) > 59 || Number(seconds) > 59) return null;
  const milliseconds = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + milliseconds / 1000;
}
