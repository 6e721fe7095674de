// The rival library ships no types; just what the benchmark calls.
declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function fromTextPosition(root: Node, selector: { start: number; end: number }): Required<TextQuote>;
  export function toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
  export function toTextPosition(root: Node, selector: TextQuote, options?: { hint?: number }): { start: number; end: number } | null;
}
