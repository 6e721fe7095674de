// The popup's header: which article this is (title, site, byline, date) and whether Lede runs on its site.
import { formatPublished } from '../lib/popup/dates';
import { Switch } from './Switch';

export interface HeaderMeta {
  title: string;
  site: string;
  byline?: string;
  published?: string;
}

export interface ArticleHeaderProps {
  meta: HeaderMeta;
  /** The host the switch applies to, e.g. "news.example.com". */
  siteKey: string;
  siteEnabled: boolean;
  onSiteEnabled: (enabled: boolean) => void;
}

export function ArticleHeader({ meta, siteKey, siteEnabled, onSiteEnabled }: ArticleHeaderProps) {
  const date = formatPublished(meta.published);
  const details = [meta.site, meta.byline].filter((part): part is string => Boolean(part && part.trim()));
  return (
    <header class="header" data-testid="header">
      <h1 class="title" data-testid="article-title">
        {meta.title || 'Untitled page'}
      </h1>
      {(details.length > 0 || date) && (
        <p class="meta" data-testid="article-meta">
          {details.map((part, i) => (
            <span key={i} class="meta-part">
              {part}
            </span>
          ))}
          {date && (
            <time class="meta-part" dateTime={meta.published}>
              {date}
            </time>
          )}
        </p>
      )}
      <Switch label={`Lede on ${siteKey}`} checked={siteEnabled} onChange={onSiteEnabled} testId="site-switch" />
    </header>
  );
}
