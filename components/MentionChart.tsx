// Mentions per name as horizontal bars. Bars are decoration; every bar's name and count are also
// text, so the chart reads the same to a screen reader as to the eye.
export interface ChartEntry {
  key: string;
  label: string;
  count: number;
  kind: string;
}

export function MentionChart({ entries }: { entries: ChartEntry[] }) {
  if (entries.length === 0) return null;
  const max = Math.max(...entries.map((e) => e.count));
  return (
    <figure class="chart" data-testid="entity-chart">
      <figcaption class="chart-caption">Most mentioned</figcaption>
      <ul class="chart-bars">
        {entries.map((entry) => (
          <li key={entry.key} class="chart-row">
            <span class="chart-label">{entry.label}</span>
            <span class="chart-track" aria-hidden="true">
              <span class={`chart-bar kind-${entry.kind}`} style={{ width: `${Math.max(4, (entry.count / max) * 100)}%` }} />
            </span>
            <span class="chart-count">{entry.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
