// Tags as the reader types them into one field: separated by commas.
import { normaliseTags } from '../model/records';

export function parseTags(input: string): string[] {
  return normaliseTags(input.split(','));
}

export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}
