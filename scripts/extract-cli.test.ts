import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('extract CLI --jsonl', () => {
  it('answers one line per input line, in order, with the stable fields', () => {
    const input = [
      { id: 'first', text: 'Trade between China and Russia reached 244.8 billion U.S. dollars in 2024, Vladimir Putin said.' },
      { id: 2, text: '' },
      { id: 'third', text: 'Mr. Smith paid $1.2bn, up 15 per cent.' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract-cli.ts', '--jsonl'], { cwd: root, input, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['first', 2, 'third']);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['entities', 'facts', 'figures', 'id']);
    const first = lines[0] as { entities: Array<Record<string, unknown>>; figures: Array<Record<string, unknown>> };
    expect(first.entities).toContainEqual({ start: 14, end: 19, type: 'LOC', key: 'China' });
    const money = first.figures.find((f) => f.type === 'MONEY')!;
    expect(Object.keys(money)).toEqual(expect.arrayContaining(['start', 'end', 'type', 'value', 'unit']));
    expect(money).toMatchObject({ start: 39, end: 65, value: 244.8e9, unit: 'USD' });
    expect(lines[1]).toEqual({ id: 2, entities: [], figures: [], facts: [] });
  });
});
