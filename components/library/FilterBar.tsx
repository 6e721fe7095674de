// Search box, filters and sort of the library. Each change is reported at once; the
// library page runs the query in memory, so there is no debounce to wait for.
import type { Facets } from '../../lib/library/catalogue';
import { ENTITY_TYPE_NAMES } from '../../lib/model/entities';
import { defaultOrder, type LibraryQuery, type LibrarySort } from '../../lib/library/query';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../lib/model/types';

export interface FilterBarProps {
  query: LibraryQuery;
  facets: Facets;
  onChange: (next: LibraryQuery, event?: Event) => void;
}

const SORTS: { value: LibrarySort; label: string }[] = [
  { value: 'updated', label: 'Last changed' },
  { value: 'created', label: 'Date saved' },
  { value: 'title', label: 'Title' },
  { value: 'site', label: 'Site' },
  { value: 'highlights', label: 'Number of highlights' },
];

/** Names offered as you type in the entity filter; any name can still be typed. */
const ENTITY_SUGGESTIONS = 500;

const COLOUR_NAMES: Record<HighlightColour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };

/** An optional field: the empty choice means "any". */
const orUndefined = (v: string): string | undefined => (v === '' ? undefined : v);

export function FilterBar({ query, facets, onChange }: FilterBarProps) {
  const set = (patch: Partial<LibraryQuery>, event?: Event) => {
    const next: LibraryQuery = { ...query, ...patch };
    for (const k of Object.keys(patch) as (keyof LibraryQuery)[]) if (next[k] === undefined) delete next[k];
    onChange(next, event);
  };
  const value = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div class="field field-search">
        <label for="library-search">Search titles, quotes, notes and tags</label>
        <input id="library-search" type="search" value={query.text} data-testid="library-search" autocomplete="off" onInput={(event) => set({ text: value(event) }, event)} />
      </div>
      <div class="field">
        <label for="library-tag">Tag</label>
        <select id="library-tag" data-testid="library-filter-tag" value={query.tag ?? ''} onChange={(event) => set({ tag: orUndefined(value(event)) })}>
          <option value="">Any tag</option>
          {facets.tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="library-site">Site</label>
        <select id="library-site" data-testid="library-filter-site" value={query.site ?? ''} onChange={(event) => set({ site: orUndefined(value(event)) })}>
          <option value="">Any site</option>
          {facets.sites.map((s) => (
            <option key={s.site} value={s.site}>
              {s.site} ({s.count})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="library-colour">Highlight colour</label>
        <select
          id="library-colour"
          data-testid="library-filter-colour"
          value={query.colour ?? ''}
          onChange={(event) => set({ colour: orUndefined(value(event)) as HighlightColour | undefined })}
        >
          <option value="">Any colour</option>
          {HIGHLIGHT_COLOURS.map((c) => (
            <option key={c} value={c}>
              {COLOUR_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="library-entity">Person, organisation or place</label>
        <input
          id="library-entity"
          type="search"
          list="library-entity-names"
          data-testid="library-filter-entity"
          autocomplete="off"
          value={query.entity ?? ''}
          onInput={(event) => set({ entity: orUndefined(value(event)) })}
        />
        <datalist id="library-entity-names">
          {facets.entities.slice(0, ENTITY_SUGGESTIONS).map((e, i) => (
            <option key={`${i}:${e.type}:${e.label}`} value={e.label} label={`${ENTITY_TYPE_NAMES[e.type]}, ${e.count} ${e.count === 1 ? 'article' : 'articles'}`} />
          ))}
        </datalist>
      </div>
      <div class="field">
        <label for="library-from">Saved from</label>
        <input id="library-from" type="date" data-testid="library-filter-from" value={query.from ?? ''} onChange={(event) => set({ from: orUndefined(value(event)) })} />
      </div>
      <div class="field">
        <label for="library-to">Saved until</label>
        <input id="library-to" type="date" data-testid="library-filter-to" value={query.to ?? ''} onChange={(event) => set({ to: orUndefined(value(event)) })} />
      </div>
      <div class="field">
        <label for="library-sort">Sort by</label>
        <select
          id="library-sort"
          data-testid="library-sort"
          value={query.sort}
          onChange={(event) => {
            const sort = value(event) as LibrarySort;
            set({ sort, order: defaultOrder(sort) });
          }}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        class="order"
        data-testid="library-order"
        aria-label={query.order === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
        onClick={() => set({ order: query.order === 'asc' ? 'desc' : 'asc' })}
      >
        {query.order === 'asc' ? '↑' : '↓'}
      </button>
    </form>
  );
}
