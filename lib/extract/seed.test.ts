import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = process.env.LEDE_CORPUS ?? join(root, '../shared/corpus');
const text = readFileSync(join(corpus, 'seed/article.txt'), 'utf8');
interface GoldMention { start: number; end: number; text: string; type: string; value?: number | string; unit?: string; qualifier?: string; kind?: string }
const gold = JSON.parse(readFileSync(join(corpus, 'seed/article.gold.json'), 'utf8')) as {
  mentions: GoldMention[];
  facts: Array<{ figure: string; measures: string; when?: string }>;
};
const x = extract(text);

describe('seed article', () => {
  it('finds every person, organisation and place with the right type', () => {
    const missing = gold.mentions
      .filter((m) => m.type === 'PER' || m.type === 'ORG' || m.type === 'LOC')
      .filter((m) => !x.entities.some((e) => e.start === m.start && e.end === m.end && e.type === m.type))
      .map((m) => `${m.text} ${m.type}@${m.start}`);
    expect(missing).toEqual([]);
  });

  it('finds money, dates, counts and ordinals with the right normalised values', () => {
    const wrong: string[] = [];
    for (const m of gold.mentions) {
      if (!['MONEY', 'DATE', 'CARDINAL', 'ORDINAL'].includes(m.type) || m.value === undefined) continue;
      const f = x.figures.find((g) => g.start === m.start && g.end === m.end && g.type === m.type);
      if (!f) wrong.push(`missing ${m.text}`);
      else if (typeof m.value === 'number' ? typeof f.value !== 'number' || Math.abs(f.value - m.value) > 1e-6 * Math.abs(m.value) : f.value !== m.value) wrong.push(`${m.text}: ${String(f.value)} != ${String(m.value)}`);
      else if (m.unit && f.unit !== m.unit) wrong.push(`${m.text}: unit ${String(f.unit)} != ${m.unit}`);
      else if (m.qualifier && f.qualifier !== m.qualifier) wrong.push(`${m.text}: qualifier ${String(f.qualifier)}`);
      else if (m.kind && f.kind !== m.kind) wrong.push(`${m.text}: kind ${String(f.kind)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('links short and long forms of a name', () => {
    const keyOf = (s: string): string | undefined => x.entities.find((e) => e.text === s)?.key;
    expect(keyOf('Xi')).toBe('Xi Jinping');
    expect(keyOf('Putin')).toBe('Vladimir Putin');
    expect(keyOf('SCO')).toBe('Shanghai Cooperation Organization');
  });

  it('marks the same names and figures when the taggers decode only the stretches around capitals and numbers', () => {
    const everywhere = extract(text, undefined, { nameWindow: Infinity, figureWindow: Infinity });
    expect(x.entities).toEqual(everywhere.entities);
    expect(x.figures).toEqual(everywhere.figures);
  });

  it('ranks the six gold facts first', () => {
    const top = x.facts.slice(0, gold.facts.length).map((f) => f.figure.text);
    expect(top.sort()).toEqual(gold.facts.map((f) => f.figure).sort());
    const trade = x.facts.find((f) => f.figure.text === '244.8 billion U.S. dollars')!;
    expect(trade.when?.text).toBe('2024');
    expect(trade.measures.toLowerCase()).toContain('trade between china and russia');
    expect(trade.entities.map((e) => e.text)).toEqual(expect.arrayContaining(['China', 'Russia']));
    for (const g of gold.facts) {
      const f = x.facts.find((k) => k.figure.text === g.figure)!;
      // The measured thing shares its head words with the gold description.
      const words = g.measures.toLowerCase().match(/[a-z]{4,}/g) ?? [];
      expect(words.some((w) => f.measures.toLowerCase().includes(w)), `${g.figure}: "${f.measures}"`).toBe(true);
    }
  });
});
