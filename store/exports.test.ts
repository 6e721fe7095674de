import { describe, expect, it } from 'vitest';
import { exportSelection } from './exports';
import { importFile } from './import';
import { LedeRepo } from './repo';
import { memoryDb, steppingClock } from './testing';

async function library() {
  const db = memoryDb('lede-exports');
  const repo = new LedeRepo(db, { clock: steppingClock('2026-05-01T00:00:00.000Z') });
  const a = await repo.upsertArticle({ url: 'https://example.com/one', title: 'One <img src=x onerror=alert(1)>', site: 'Ex' });
  const b = await repo.upsertArticle({ url: 'https://example.com/two', title: 'Two', site: 'Ex' });
  const q = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }];
  await repo.createAnnotation({ articleId: a.id, selectors: q('kept words'), note: 'my note' });
  const gone = await repo.createAnnotation({ articleId: a.id, selectors: q('secret deleted words'), note: 'private' });
  await repo.deleteAnnotation(gone.id);
  await repo.createAnnotation({ articleId: b.id, selectors: q('second article words') });
  return { db, repo, a, b };
}

describe('exportSelection', () => {
  it('exports one article in every format, without its deleted highlights', async () => {
    const { repo, a } = await library();
    const facts = () => [{ figure: '$400 billion', measures: 'deal value' }];
    const md = await exportSelection(repo, 'markdown', [a.id], { factsFor: facts });
    expect(md.filename).toBe('One img src=x onerror=alert(1).md');
    expect(md.content).toContain('kept words');
    expect(md.content).toContain('my note');
    expect(md.content).toContain('deal value');
    expect(md.content).toContain('One &lt;img src=x onerror=alert(1)&gt;');
    for (const format of ['markdown', 'jsonld', 'csv'] as const) {
      const file = await exportSelection(repo, format, [a.id]);
      expect(String(file.content)).not.toContain('secret deleted words');
      expect(String(file.content)).not.toContain('second article words');
    }
    const csv = await exportSelection(repo, 'csv', [a.id]);
    expect(String(csv.content).split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('exports the selection or the whole library; zip and backup are files others can read', async () => {
    const { repo, a, b } = await library();
    const all = await exportSelection(repo, 'markdown');
    expect(all.content).toContain('kept words');
    expect(all.content).toContain('second article words');
    const zipped = await exportSelection(repo, 'markdown-zip', [a.id, b.id]);
    expect(zipped.mime).toBe('application/zip');
    expect(zipped.content).toBeInstanceOf(Uint8Array);
    expect([...(zipped.content as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    const backup = await exportSelection(repo, 'backup');
    const jsonld = await exportSelection(repo, 'jsonld');
    const restored = memoryDb('lede-exports-restored');
    expect(await importFile(restored, String(backup.content))).toMatchObject({ ok: true, added: 4, deleted: 1 });
    const fromJsonld = memoryDb('lede-exports-jsonld');
    expect(await importFile(fromJsonld, String(jsonld.content))).toMatchObject({ ok: true, added: 4 });
    expect(await new LedeRepo(fromJsonld).listAnnotations(a.id)).toHaveLength(1);
  });

  it('says so when the article is gone', async () => {
    const { repo, a } = await library();
    await repo.deleteArticle(a.id);
    await expect(exportSelection(repo, 'markdown', [a.id])).rejects.toMatchObject({ code: 'not-found' });
  });
});
