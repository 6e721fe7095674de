// A list of many fixed-height rows that keeps only the rows in view in the DOM.
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rowWindow } from '../../lib/library/virtual-window';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Accessible name of the list. */
  label: string;
  renderRow: (index: number) => ComponentChild;
  /** Used when the element cannot be measured (tests, a hidden tab). */
  fallbackHeight?: number;
  testId?: string;
}

export function VirtualList({ count, rowHeight, label, renderRow, fallbackHeight = 600, testId }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(fallbackHeight);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  // A narrower result list may leave the old scroll position past its end.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && el.scrollTop > Math.max(0, count * rowHeight - viewport)) setScrollTop(el.scrollTop);
  }, [count]);

  const w = rowWindow(count, rowHeight, scrollTop, viewport);
  const rows: ComponentChild[] = [];
  for (let i = w.start; i < w.end; i++) rows.push(renderRow(i));

  return (
    <div
      ref={box}
      class="vlist"
      tabIndex={0}
      role="region"
      aria-label={label}
      data-testid={testId}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="vlist-spacer" style={{ height: `${w.height}px` }}>
        <ul class="vlist-rows" role="list" style={{ transform: `translateY(${w.offset}px)` }}>
          {rows}
        </ul>
      </div>
    </div>
  );
}
