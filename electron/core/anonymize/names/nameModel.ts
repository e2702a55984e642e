import { inflateRawSync } from 'node:zlib';
import type { TaggerWeights } from './sequenceTagger';
import weightsFile from './nameModel.weights.json';

/**
 * The name model's weights, trained by scripts/train-name-tagger.ts (see names/NOTICE.md for the data and
 * its licences) and committed as nameModel.weights.json: Int16 emission weights, deflated, in base64. Decoded
 * once per process (the worker's first scan) into 3.5 MB of Int16, scaled when scored.
 */
interface WeightsFile {
  bits: number;
  scale: number;
  transition: number[];
  slope: number;
  intercept: number;
  emission: string;
}

let loaded: TaggerWeights | undefined;

export function nameModel(): TaggerWeights {
  if (loaded) return loaded;
  const file = weightsFile as WeightsFile;
  const bytes = inflateRawSync(Buffer.from(file.emission, 'base64'));
  const emission = new Int16Array(bytes.byteLength / 2);
  for (let i = 0; i < emission.length; i += 1) emission[i] = bytes.readInt16LE(2 * i);
  loaded = {
    bits: file.bits,
    emission,
    unit: 1 / file.scale,
    transition: Float32Array.from(file.transition),
    slope: file.slope,
    intercept: file.intercept,
  };
  return loaded;
}
