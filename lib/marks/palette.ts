// The ::highlight() style sheet for Lede's marks. Colours come from the Okabe–Ito palette, which
// stays distinguishable for the common colour-vision deficiencies, and every type also differs by
// underline style, so no reader has to rely on hue alone. Backgrounds are translucent so that the
// marks read on light and dark pages alike.
import { MARK_TYPES, highlightName, type MarkType } from './types';

export const COLOUR_SCHEMES = ['colour-blind-safe', 'high-contrast', 'underline-only'] as const;
export type ColourScheme = (typeof COLOUR_SCHEMES)[number];

interface MarkStyle {
  colour: string;
  line: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
}

const STYLES: Record<MarkType, MarkStyle> = {
  person: { colour: '#0072B2', line: 'solid' },
  org: { colour: '#D55E00', line: 'double' },
  place: { colour: '#009E73', line: 'dotted' },
  other: { colour: '#CC79A7', line: 'dashed' },
  money: { colour: '#E69F00', line: 'solid' },
  percent: { colour: '#E69F00', line: 'double' },
  date: { colour: '#56B4E9', line: 'wavy' },
  number: { colour: '#888888', line: 'dotted' },
};

const HIGH_CONTRAST: Partial<Record<MarkType, string>> = {
  person: '#0050ff',
  org: '#e00000',
  place: '#008a00',
  other: '#b000b0',
  money: '#c06000',
  percent: '#c06000',
  date: '#0090c0',
  number: '#606060',
};

/** Alpha suffix for a #rrggbb colour. */
const tint = (hex: string, alpha: number): string =>
  `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;

/** The scheme a new reader has; its rules ship in the manifest's content-script CSS. */
export const DEFAULT_SCHEME: ColourScheme = 'colour-blind-safe';

/** Rule options: `important` lets a sheet adopted at run time win over the manifest's rules. */
interface SheetOptions {
  important?: boolean;
}

/** One ::highlight() rule from its declarations ("property: value"), each !important if asked. */
function highlightRule(name: string, declarations: string[], { important = false }: SheetOptions): string {
  const bang = important ? ' !important' : '';
  return `::highlight(${name}) { ${declarations.map((d) => `${d}${bang};`).join(' ')} }`;
}

export function markStyleSheet(scheme: ColourScheme, options: SheetOptions = {}): string {
  return MARK_TYPES.map((type) => {
    const { colour, line } = STYLES[type];
    const lineColour = scheme === 'high-contrast' ? HIGH_CONTRAST[type]! : colour;
    const background =
      scheme === 'underline-only' ? 'transparent' : tint(lineColour, scheme === 'high-contrast' ? 0.28 : 0.16);
    return highlightRule(
      highlightName(type),
      [`background-color: ${background}`, `text-decoration: underline ${line} ${lineColour}`, 'text-decoration-thickness: 2px', 'text-underline-offset: 3px'],
      options,
    );
  }).join('\n');
}

/** Reader highlight colours: light enough to read black text on, distinct from the marks' tints. */
export const NOTE_COLOURS = {
  yellow: '#ffe066',
  green: '#8ce99a',
  blue: '#a5d8ff',
  pink: '#fcc2d7',
  purple: '#d0bfff',
} as const;

export const noteHighlightName = (colour: keyof typeof NOTE_COLOURS): string => `lede-note-${colour}`;
export const FLASH_HIGHLIGHT = 'lede-flash';

/** Every ::highlight() rule Lede uses: marks in the chosen scheme, reader highlights, the reveal flash. */
export function ledeStyleSheet(scheme: ColourScheme, options: SheetOptions = {}): string {
  const notes = Object.entries(NOTE_COLOURS).map(([colour, background]) =>
    highlightRule(noteHighlightName(colour as keyof typeof NOTE_COLOURS), [`background-color: ${background}`, 'color: #111'], options),
  );
  return [markStyleSheet(scheme, options), ...notes, highlightRule(FLASH_HIGHLIGHT, ['background-color: #ff9f1c', 'color: #111'], options)].join('\n');
}

/**
 * The content script's manifest CSS: the default scheme's rules, in every page from its first
 * style resolution. A sheet adopted while the page loads would make the engine restyle the whole
 * document at the page's next style recalculation (its load handlers' layout, often 10-20 ms on a
 * big page), and our extraction answer would wait behind it.
 */
export const MANIFEST_STYLE_SHEET = ledeStyleSheet(DEFAULT_SCHEME);
