// Every failure of the store reaches the UI as one of four codes with a sentence a
// reader can act on; the raw database error is kept for the console.
import { InvalidRecordError } from '../lib/model/records';

export type StoreErrorCode = 'quota' | 'db' | 'invalid' | 'not-found';

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }

  /** Plain object for extension messaging, which cannot carry class instances. */
  toJSON(): { code: StoreErrorCode; message: string; detail?: string } {
    return this.detail === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, detail: this.detail };
  }
}

const KEPT = 'Nothing you saved before is lost.';

function errorNames(e: unknown): string[] {
  const names: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    cur = (cur as { inner?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return names;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export function toStoreError(e: unknown, doing: string): StoreError {
  if (e instanceof StoreError) return e;
  if (e instanceof InvalidRecordError) return new StoreError('invalid', `Could not ${doing}: ${e.message}`, e.message);
  const names = errorNames(e);
  if (names.includes('QuotaExceededError')) {
    return new StoreError(
      'quota',
      `Could not ${doing}: the browser's storage for Lede is full. ${KEPT} Export a backup and delete old articles, or free disk space, then try again.`,
      messageOf(e),
    );
  }
  return new StoreError('db', `Could not ${doing}: the library database reported an error. ${KEPT} Try again; if it keeps failing, export a backup.`, messageOf(e));
}

export function notFound(what: string): StoreError {
  return new StoreError('not-found', `${what} is not in the library (it may have been deleted).`);
}
