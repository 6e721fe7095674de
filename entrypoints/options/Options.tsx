// Settings: which marks show, where Lede stays off, and the colour scheme. Saved to extension
// storage; every open tab applies a change at once.
import { useEffect, useState } from 'preact/hooks';
import { COLOUR_SCHEMES, type ColourScheme } from '../../lib/marks/palette';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/marks/settings';
import { MARK_LABELS, MARK_TYPES } from '../../lib/marks/types';
import { loadSettings, saveSettings } from '../../ext/settings';

const SCHEME_LABELS: Record<ColourScheme, string> = {
  'colour-blind-safe': 'Colour-blind safe (default)',
  'high-contrast': 'High contrast',
  'underline-only': 'Underlines only',
};

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
  }, []);
  if (!settings) return <p>Loading…</p>;

  const update = (next: Settings) => {
    setSettings(next);
    void saveSettings(next);
  };

  return (
    <main>
      <h1>Lede settings</h1>
      {/* The library page (every annotated article, exports and import). */}
      <p class="library-link">
        <a href="/library.html" target="_blank" data-testid="open-library">
          Open your Lede library
        </a>{' '}
        to search, export or import your highlights and notes.
      </p>
      <fieldset>
        <legend>Marks to show</legend>
        {MARK_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={settings.types[type]}
              data-testid={`mark-type-${type}`}
              onChange={(e) => update({ ...settings, types: { ...settings.types, [type]: e.currentTarget.checked } })}
            />
            {MARK_LABELS[type]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Colours</legend>
        {COLOUR_SCHEMES.map((scheme) => (
          <label key={scheme}>
            <input
              type="radio"
              name="scheme"
              checked={settings.scheme === scheme}
              onChange={() => update({ ...settings, scheme })}
            />
            {SCHEME_LABELS[scheme]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sites where Lede is off</legend>
        {settings.disabledSites.length === 0 ? (
          <p>None. Switch Lede off for a site from its popup.</p>
        ) : (
          <ul data-testid="disabled-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  aria-label={`Turn Lede back on for ${site}`}
                  onClick={() => update({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <button type="button" onClick={() => update(DEFAULT_SETTINGS)}>
        Restore defaults
      </button>
    </main>
  );
}
