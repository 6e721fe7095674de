// A made-up library of annotated articles, written through the real background with the
// same `createAnnotation` message a content script sends, for the library benchmark and
// end-to-end test. Deterministic: the same sizes give the same library.
import type { Page } from 'playwright-core';

const SUBJECTS = ['Budget', 'Harbour', 'Election', 'Drought', 'Tariff', 'Vaccine', 'Railway', 'Pension', 'Wildfire', 'Summit', 'Refinery', 'Housing', 'Copper', 'Satellite', 'Fishery', 'Strike'];
const PLACES = ['Lyon', 'Nairobi', 'Osaka', 'Quito', 'Tbilisi', 'Porto', 'Hanoi', 'Leeds', 'Perth', 'Gdańsk', 'Accra', 'Medellín'];
const VERBS = ['talks stall in', 'plan approved for', 'costs rise in', 'inquiry opens in', 'protest grows in', 'deal signed in'];
const SITES = ['The Daily Ledger', 'Harbour Times', 'Northern Courier', 'Wire Report', 'Evening Standard-Bearer', 'Civic Post', 'Metro Gazette', 'Field Notes'];
const TAGS = ['energy', 'trade', 'health', 'follow-up', 'climate', 'courts', 'transport', 'labour'];
const WORDS = ['minister', 'deficit', 'billion', 'percent', 'contract', 'committee', 'shipment', 'forecast', 'council', 'union', 'survey', 'reservoir', 'subsidy', 'auditor', 'ceasefire', 'dividend'];
const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const PEOPLE = ['Amina Diallo', 'Kenji Sato', 'Lucía Romero', 'Tomasz Nowak', 'Grace Mensah', 'Hugo Laurent', 'Nguyen Van An'];
const ORGS = ['Port Authority', 'Central Bank', 'Transport Union', 'Audit Office', 'Health Ministry'];

/** A small fast generator (mulberry32), so the library is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedEntity {
  key: string;
  label: string;
  type: 'PER' | 'ORG' | 'LOC';
  count: number;
}

export interface SeedMessage {
  meta: { url: string; title: string; site: string; published: string; entities: SeedEntity[] };
  selectors: unknown[];
  colour: (typeof COLOURS)[number];
  note?: string;
  tags?: string[];
}

/** `articles × perArticle` createAnnotation inputs. Every article has its highlights in one run. */
export function seedMessages(articles: number, perArticle: number, seed = 7): SeedMessage[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const out: SeedMessage[] = [];
  for (let i = 0; i < articles; i++) {
    const place = [pick(SUBJECTS), pick(VERBS), pick(PLACES)] as const;
    const title = `${place.join(' ')} (${i})`;
    // The names a content script's extraction would send: the place in the title, a person, an organisation.
    const person = PEOPLE[i % PEOPLE.length]!;
    const org = ORGS[(i * 3) % ORGS.length]!;
    const entities: SeedEntity[] = [
      { key: `LOC:${place[2]}`, label: place[2], type: 'LOC', count: 1 + (i % 4) },
      { key: `PER:${person}`, label: person, type: 'PER', count: 1 + (i % 3) },
      { key: `ORG:${org}`, label: org, type: 'ORG', count: 1 },
    ];
    const meta = {
      url: `https://news.example/library/${i}`,
      title,
      site: SITES[i % SITES.length]!,
      published: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      entities,
    };
    for (let j = 0; j < perArticle; j++) {
      const exact = Array.from({ length: 6 + Math.floor(r() * 10) }, () => pick(WORDS)).join(' ');
      const start = j * 400;
      const msg: SeedMessage = {
        meta,
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix: 'the paragraph before says something here ', suffix: ' and the sentence goes on a little more' },
          { type: 'TextPositionSelector', start, end: start + exact.length, unit: 'utf16' },
        ],
        colour: pick(COLOURS),
      };
      if (r() < 0.4) msg.note = `Check ${pick(WORDS)} against the ${pick(WORDS)} figures in ${pick(PLACES)}`;
      if (r() < 0.3) msg.tags = [pick(TAGS)];
      out.push(msg);
    }
  }
  return out;
}

/**
 * Sends the messages from an extension page (any page of the extension) `concurrency` at a
 * time. Throws on the first error the background answers with.
 */
export async function seedThroughBackground(page: Page, messages: readonly SeedMessage[], concurrency = 100, onBatch?: (done: number) => void): Promise<void> {
  for (let i = 0; i < messages.length; i += concurrency) {
    const batch = messages.slice(i, i + concurrency);
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const errors = await page.evaluate(async (batch) => {
      type Answer = { res?: unknown; err?: { message?: string } } | undefined;
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (a: Answer) => void): void } } }).chrome.runtime;
      const base = Date.now() * 1000;
      const answers = await Promise.all(
        batch.map((data, k) => new Promise<Answer>((resolve) => runtime.sendMessage({ id: base + k, type: 'createAnnotation', data, timestamp: Date.now() }, resolve))),
      );
      return answers.filter((a) => !a || a.err).map((a) => a?.err?.message ?? 'no answer');
    }, batch);
    if (errors.length) throw new Error(`Seeding failed at message ${i}: ${errors[0]}`);
    onBatch?.(Math.min(messages.length, i + concurrency));
  }
}
