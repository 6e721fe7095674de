import fc from 'fast-check';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles, type ZipEntry } from './zip';

/** Reads a stored (uncompressed) archive through its central directory, as unzip tools do. */
function unzipStored(zip: Uint8Array): ZipEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = zip.length - 22;
  expect(v.getUint32(endAt, true)).toBe(0x06054b50);
  const count = v.getUint16(endAt + 10, true);
  let at = v.getUint32(endAt + 16, true);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(v.getUint32(at, true)).toBe(0x02014b50);
    expect(v.getUint16(at + 8, true) & 0x0800).toBe(0x0800);
    const crc = v.getUint32(at + 16, true);
    const size = v.getUint32(at + 24, true);
    const nameLen = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const name = dec.decode(zip.subarray(at + 46, at + 46 + nameLen));
    expect(v.getUint32(local, true)).toBe(0x04034b50);
    const dataAt = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = zip.subarray(dataAt, dataAt + size);
    expect(nodeCrc32(data)).toBe(crc);
    out.push({ name, text: dec.decode(data) });
    at += 46 + nameLen;
  }
  return out;
}

describe('zip of text files', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc32(bytes)).toBe(nodeCrc32(bytes));
      }));
  });

  it('holds every file, with Unicode names and text, exactly', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), text: fc.string({ unit: 'grapheme', maxLength: 200 }) }), { selector: (e) => e.name, maxLength: 8 }), (entries) => {
        expect(unzipStored(zipFiles(entries, new Date(2026, 10, 25, 18, 30, 10)))).toEqual(entries);
      }),
    );
  });

  it('writes the date and time zip tools show', () => {
    const zip = zipFiles([{ name: 'Budget – Lyon.md', text: '# Budget\n' }], new Date(2026, 10, 25, 18, 30, 10));
    const v = new DataView(zip.buffer);
    expect(v.getUint16(10, true)).toBe((18 << 11) | (30 << 5) | 5);
    expect(v.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (11 << 5) | 25);
  });
});
