// Lede extractor CLI.
//   npm run --silent extract -- FILE...      extraction of text or HTML files as JSON
//   npm run --silent extract -- --jsonl      JSON lines {"id","text"} on stdin -> one line per input, in order:
//     {"id","entities":[{"start","end","type","key"}],"figures":[{"start","end","type","value","unit"}],"facts":[...]}

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { extract, type Extraction, type Fact } from '../lib/extract/index.ts';
import { htmlToText } from './html-text.ts';

function factJson(f: Fact): unknown {
  return {
    figure: { start: f.figure.start, end: f.figure.end, text: f.figure.text, type: f.figure.type, value: f.figure.value },
    measures: f.measures,
    ...(f.when ? { when: { start: f.when.start, end: f.when.end, text: f.when.text, value: f.when.value } } : {}),
    entities: f.entities.map((e) => e.key),
    sentence: f.sentence,
    score: f.score,
  };
}

function compact(id: unknown, x: Extraction): unknown {
  return {
    id,
    entities: x.entities.map((e) => ({ start: e.start, end: e.end, type: e.type, key: e.key })),
    figures: x.figures.map((f) => ({ start: f.start, end: f.end, type: f.type, value: f.value, unit: f.unit ?? null, ...(f.currency ? { currency: f.currency } : {}), ...(f.qualifier ? { qualifier: f.qualifier } : {}), ...(f.kind ? { kind: f.kind } : {}) })),
    facts: x.facts.map(factJson),
  };
}

async function jsonl(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const rec = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = rec.id ?? null;
      const text = typeof rec.text === 'string' ? rec.text : '';
      process.stdout.write(`${JSON.stringify(compact(id, extract(text)))}\n`);
    } catch (err) {
      process.stdout.write(`${JSON.stringify({ id, entities: [], figures: [], facts: [], error: String(err) })}\n`);
    }
  }
}

function files(paths: string[]): void {
  const out = paths.map((path) => {
    const raw = readFileSync(path, 'utf8');
    const isHtml = /\.x?html?$/i.test(path) || /^\s*<(?:!doctype|html|head|body|div|p)\b/i.test(raw);
    const text = isHtml ? htmlToText(raw) : raw;
    const x = extract(text);
    return {
      file: path,
      ...(isHtml ? { text } : {}),
      sentences: x.sentences,
      entities: x.entities,
      figures: x.figures,
      facts: x.facts.map(factJson),
    };
  });
  process.stdout.write(`${JSON.stringify(out.length === 1 ? out[0] : out, null, 1)}\n`);
}

const args = process.argv.slice(2);
if (args.includes('--jsonl')) await jsonl();
else if (args.length === 0) {
  process.stderr.write('usage: extract FILE... | extract --jsonl < lines.jsonl\n');
  process.exit(2);
} else files(args);
