// Clicking a name again moves on to its next mention: one cursor per name, wrapping around.

export interface Span {
  start: number;
  end: number;
}

export class MentionCursor {
  private readonly positions = new Map<string, number>();

  /** The mention to show next for `key`, or null when it has none. */
  next(key: string, mentions: readonly Span[]): { span: Span; index: number } | null {
    if (mentions.length === 0) return null;
    const index = ((this.positions.get(key) ?? -1) + 1) % mentions.length;
    this.positions.set(key, index);
    return { span: mentions[index]!, index };
  }

  reset(): void {
    this.positions.clear();
  }
}
