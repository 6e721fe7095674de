// The popup's entity panel: names grouped as readers think of them (people, organisations,
// places, other), most mentioned first, and the slice of names the mention chart shows.
import { markTypeOf } from '../marks/types';

export interface EntityLike {
  key: string;
  label: string;
  type: string;
  count: number;
}

export type EntityKind = 'person' | 'org' | 'place' | 'other';

export const ENTITY_KINDS: readonly { kind: EntityKind; label: string }[] = [
  { kind: 'person', label: 'People' },
  { kind: 'org', label: 'Organisations' },
  { kind: 'place', label: 'Places' },
  { kind: 'other', label: 'Other' },
];

/** Above this many names a list gets long enough that a bar chart is quicker to scan. */
export const CHART_THRESHOLD = 5;
/** Bars beyond this would make the chart as long as the list it summarises. */
export const CHART_MAX_BARS = 10;

export interface EntityGroup<E extends EntityLike> {
  kind: EntityKind;
  label: string;
  entities: E[];
}

const byMentions = <E extends EntityLike>(a: E, b: E): number => b.count - a.count || a.label.localeCompare(b.label);

/** Non-empty groups in a fixed order (people first); within a group, most mentioned first. */
export function groupEntities<E extends EntityLike>(entities: readonly E[]): EntityGroup<E>[] {
  const buckets = new Map<EntityKind, E[]>(ENTITY_KINDS.map(({ kind }) => [kind, []]));
  for (const entity of entities) {
    const type = markTypeOf(entity.type);
    const kind: EntityKind = type === 'person' || type === 'org' || type === 'place' ? type : 'other';
    buckets.get(kind)!.push(entity);
  }
  return ENTITY_KINDS.map(({ kind, label }) => ({ kind, label, entities: buckets.get(kind)!.sort(byMentions) })).filter(
    (group) => group.entities.length > 0,
  );
}

/** The names the chart shows, or none when the page has too few names for a chart to help. */
export function chartEntities<E extends EntityLike>(entities: readonly E[]): E[] {
  if (entities.length <= CHART_THRESHOLD) return [];
  return [...entities].sort(byMentions).slice(0, CHART_MAX_BARS);
}
