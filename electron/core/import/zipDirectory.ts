import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The members of a ZIP archive (an XLSX workbook's sheet list, its shared strings) found through the archive's
 * central directory, without reading the rest of the archive. Only stored and deflated members, as every XLSX
 * writer uses.
 */
export interface ZipMember {
  method: number;
  dataOffset: number;
  compressedSize: number;
  /** The CRC-32 of the member's content, as the directory gives it. */
  crc32: number;
}

/** Where each readable member of the archive lies, by name; empty when the file is not a readable ZIP. */
export async function readZipDirectory(file: string): Promise<Map<string, ZipMember>> {
  const members = new Map<string, ZipMember>();
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return members;
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size) return members;
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const local = Buffer.alloc(30);
    let at = 0;
    for (let i = 0; i < entries && at + 46 <= directory.length; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) return members;
      const method = directory.readUInt16LE(at + 10);
      const entry = directory.subarray(at + 16, at + 28); // CRC-32, compressed and uncompressed sizes
      const compressedSize = directory.readUInt32LE(at + 20);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const localOffset = directory.readUInt32LE(at + 42);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (method !== 0 && method !== 8) continue;
      await handle.read(local, 0, 30, localOffset);
      if (!localHeaderAgrees(local, method, nameLength, entry))
        throw new Error(`the ZIP entry of ${name} does not match the archive's directory`);
      const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataOffset + compressedSize <= size)
        members.set(name, { method, dataOffset, compressedSize, crc32: entry.readUInt32LE(0) });
    }
    return members;
  } finally {
    await handle.close();
  }
}

/**
 * A member's local header must say what the central directory says of it (its method, name length and, unless
 * they follow the data, its CRC and sizes): a streaming reader such as exceljs' walks the local headers, and one
 * that disagrees can leave it waiting for bytes that never come.
 */
function localHeaderAgrees(local: Buffer, method: number, nameLength: number, entry: Buffer): boolean {
  if (local.readUInt32LE(0) !== 0x04034b50) return false;
  if (local.readUInt16LE(8) !== method || local.readUInt16LE(26) !== nameLength) return false;
  const sizesFollowData = (local.readUInt16LE(6) & 0x08) !== 0;
  return sizesFollowData || local.subarray(14, 26).equals(entry);
}

/** A small member, whole; null when the archive has no such member or it is over `maxBytes` compressed. */
export async function readZipMember(
  file: string,
  member: string,
  maxBytes = 16 * 1024 * 1024,
): Promise<Buffer | null> {
  const place = (await readZipDirectory(file)).get(member);
  if (!place || place.compressedSize > maxBytes) return null;
  const data = Buffer.alloc(place.compressedSize);
  const handle = await open(file, 'r');
  try {
    await handle.read(data, 0, place.compressedSize, place.dataOffset);
  } finally {
    await handle.close();
  }
  return place.method === 0 ? data : inflateRawSync(data);
}

/** A member of any size, found in the archive's directory, as a stream of its content. */
export function streamZipMember(file: string, place: ZipMember): Readable {
  if (place.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, {
    start: place.dataOffset,
    end: place.dataOffset + place.compressedSize - 1,
  });
  if (place.method === 0) return raw;
  const inflated = createInflateRaw();
  raw.on('error', (error) => inflated.destroy(error));
  return raw.pipe(inflated);
}

/**
 * Reads a member through and checks its content against the directory's CRC-32: a member whose compressed data
 * is corrupt fails here with the inflater's error, one whose bytes changed but still inflate fails on the CRC.
 * (exceljs' own walk of the archive can stall, never failing, on a corrupt member.)
 */
export async function verifyZipMember(file: string, name: string, place: ZipMember): Promise<void> {
  let crc = 0;
  for await (const chunk of streamZipMember(file, place)) crc = crc32(chunk as Buffer, crc);
  if (crc >>> 0 !== place.crc32 >>> 0)
    throw new Error(`the ZIP entry of ${name} does not match its checksum`);
}
