import { anonymiseText } from './operators';
import { scanForPii, type ScanOptions } from './scan';

/**
 * Free text that goes in without a review (a survey comment, a note in a roster, a document's title): every
 * name and contact the scan finds is replaced by a typed tag on the way in, so the original never reaches the
 * project file. Documents worth reading closely (transcripts, journals, notes) go through the review instead.
 */
export function redactFreeText(text: string, scanOptions: ScanOptions): string {
  return anonymiseText(text, scanForPii(text, scanOptions)).text;
}
