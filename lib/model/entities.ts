// The names saved with an article: the people, organisations and places the extractor
// found on the page, tidied and capped so that a record stays small whatever the page.
import { LIMITS } from './schema';
import { ENTITY_TYPES, type ArticleEntity, type EntityType } from './types';

/** One name as the content script has it (PageEntity: key `TYPE:canonical`, label, type, mention count). */
export interface FoundEntity {
  key: string;
  label: string;
  type: string;
  count: number;
}

const isEntityType = (t: string): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t);

const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, LIMITS.entityName);

/**
 * People, organisations and places, most mentioned first (ties by name), one per type and
 * canonical key, at most LIMITS.entitiesPerArticle. Other kinds (MISC, figures) are left out.
 */
export function articleEntities(found: readonly FoundEntity[]): ArticleEntity[] {
  const byKey = new Map<string, ArticleEntity>();
  for (const e of found) {
    if (!isEntityType(e.type) || !(e.count >= 1)) continue;
    const prefix = `${e.type}:`;
    const key = tidy(e.key.startsWith(prefix) ? e.key.slice(prefix.length) : e.key);
    const label = tidy(e.label) || key;
    if (!key) continue;
    const id = `${e.type}:${key}`;
    const prev = byKey.get(id);
    if (prev) prev.count += Math.floor(e.count);
    else byKey.set(id, { type: e.type, key, label, count: Math.floor(e.count) });
  }
  return [...byKey.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))
    .slice(0, LIMITS.entitiesPerArticle);
}

/** The identity of a name across articles: its type and canonical key, case-folded. */
export function entityId(e: Pick<ArticleEntity, 'type' | 'key'>): string {
  return `${e.type}:${e.key.toLocaleLowerCase()}`;
}

export const ENTITY_TYPE_NAMES: Record<EntityType, string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place' };
