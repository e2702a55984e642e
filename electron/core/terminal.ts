import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

let pipedLines: AsyncIterator<string> | undefined;

/** Successive lines of a piped standard input, shared by every question so no buffered line is lost. */
async function nextPipedLine(input: Readable): Promise<string> {
  pipedLines ??= createInterface({ input })[Symbol.asyncIterator]();
  const next = await pipedLines.next();
  if (next.done) throw new Error('No passphrase was given on standard input.');
  return next.value;
}

/**
 * Asks for a secret on the terminal without echoing it. When standard input is not a terminal (a pipe), the
 * next line of it is the answer.
 */
export function promptHidden(
  question: string,
  input = process.stdin,
  output = process.stderr,
): Promise<string> {
  if (!input.isTTY) return nextPipedLine(input);
  return new Promise((resolve, reject) => {
    output.write(question);
    input.setRawMode(true);
    input.resume();
    let answer = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new Error('Cancelled.'));
        if (character === '\u007f' || character === '\b') answer = [...answer].slice(0, -1).join('');
        else answer += character;
      }
    };
    input.on('data', onData);
  });
}
