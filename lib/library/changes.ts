// Which articles a bulk write (delete, undo, import) changed, so that the tabs showing
// them can be told to repaint their highlights.
import type { Article } from '../model/types';

export type Versions = ReadonlyMap<string, string>;

/** Each article's last-change time, tombstoned ones included (an undo must be seen too). */
export function versionsOf(articles: readonly Pick<Article, 'id' | 'updated'>[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, a.updated]));
}

export function changedIds(before: Versions, after: Versions): string[] {
  const out: string[] = [];
  for (const [id, updated] of after) if (before.get(id) !== updated) out.push(id);
  for (const id of before.keys()) if (!after.has(id)) out.push(id);
  return out;
}
