import { describe, expect, it } from 'vitest';
import { articleHref } from './links';

describe('library links', () => {
  it('links only to web pages', () => {
    expect(articleHref('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(articleHref('javascript:alert(1)')).toBeUndefined();
    expect(articleHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(articleHref('not a url')).toBeUndefined();
  });

});
