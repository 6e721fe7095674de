// Article addresses the library page turns into links.

/** The article's address if it is a web page; anything else (javascript:, data:) is not made a link. */
export function articleHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

