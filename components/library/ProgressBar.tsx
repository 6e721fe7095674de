// Progress of a long export or import, announced to screen readers by its label.
export interface Progress {
  label: string;
  done: number;
  total: number;
}

export function ProgressBar({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  const pct = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <div class="progress" data-testid="library-progress">
      <label for="library-progress-bar">
        {progress.label} ({pct}%)
      </label>
      <progress id="library-progress-bar" max={Math.max(1, progress.total)} value={progress.done} />
    </div>
  );
}
