// The article's names by kind, most mentioned first. Clicking a name shows its next mention on
// the page; a live region says which one, so keyboard and screen-reader users know where they are.
import { useMemo, useRef, useState } from 'preact/hooks';
import { chartEntities, groupEntities, type EntityKind } from '../lib/popup/entity-groups';
import { MentionCursor, type Span } from '../lib/popup/mention-cursor';
import { MentionChart } from './MentionChart';

export interface EntityItem {
  key: string;
  label: string;
  type: string;
  count: number;
  mentions: Span[];
}

export interface EntityPanelProps {
  entities: EntityItem[];
  onReveal: (span: Span) => void;
}

export function EntityPanel({ entities, onReveal }: EntityPanelProps) {
  const cursor = useRef(new MentionCursor());
  const [where, setWhere] = useState('');
  const groups = useMemo(() => groupEntities(entities), [entities]);
  const chart = useMemo(() => {
    const kindOf = new Map<string, EntityKind>();
    for (const group of groups) for (const entity of group.entities) kindOf.set(entity.key, group.kind);
    return chartEntities(entities).map((e) => ({ key: e.key, label: e.label, count: e.count, kind: kindOf.get(e.key) ?? 'other' }));
  }, [entities, groups]);

  const show = (entity: EntityItem) => {
    const next = cursor.current.next(entity.key, entity.mentions);
    if (!next) return;
    onReveal(next.span);
    setWhere(`${entity.label}: mention ${next.index + 1} of ${entity.mentions.length}`);
  };

  if (entities.length === 0) return <p class="empty">No names found in this article.</p>;
  return (
    <div class="entities-body">
      <MentionChart entries={chart} />
      {groups.map((group) => (
        <div key={group.kind} class="entity-group" data-testid={`entity-group-${group.kind}`}>
          <h3 class="group-title">{group.label}</h3>
          <ul class="entity-list">
            {group.entities.map((entity) => (
              <li key={entity.key}>
                <button
                  type="button"
                  class={`entity kind-${group.kind}`}
                  data-testid="entity"
                  data-kind={group.kind}
                  onClick={() => show(entity)}
                  aria-label={`${entity.label}, ${entity.count} ${entity.count === 1 ? 'mention' : 'mentions'}: show next on the page`}
                >
                  <span class="entity-label" data-testid="entity-label">
                    {entity.label}
                  </span>
                  <span class="count" data-testid="entity-count">
                    {entity.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p class="sr-only" aria-live="polite" data-testid="entity-position">
        {where}
      </p>
    </div>
  );
}
