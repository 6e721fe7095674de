import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from './zip';

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    for (const s of ['', 'a', 'The quick brown fox', 'é北👍'.repeat(100)]) {
      const bytes = new TextEncoder().encode(s);
      expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    }
  });

  it('writes an archive that the system unzip reads back file by file, with UTF-8 names', () => {
    const entries = [
      { filename: 'Xi & Putin meet.md', content: '# Title\n\n> quote\n' },
      { filename: 'Путин и Си (2).md', content: 'é北👍\n'.repeat(1000) },
      { filename: 'empty.md', content: '' },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'lede-zip-'));
    try {
      const file = join(dir, 'export.zip');
      writeFileSync(file, zip(entries, new Date('2026-11-25T18:00:00Z')));
      // -t tests every entry's CRC; then extract and compare.
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
      execFileSync('unzip', ['-q', file, '-d', join(dir, 'out')]);
      for (const e of entries) expect(readFileSync(join(dir, 'out', e.filename), 'utf8')).toBe(e.content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
