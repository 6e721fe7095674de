// Words that are never a name on their own, though the names tagger took them for one.
//
// Acronyms of common nouns: a chief executive, a processor, a gene, a tax. Alone they are no
// name (CoNLL-2003 leaves them O), but the names tagger, which learnt that an unknown run of
// capitals is mostly an organisation, marked "CEO", "CPU", "AI", "IPO" and "DNA" as ORG in tech and
// business news. A name that merely contains one keeps it ("AI Now Institute"). Acronyms CoNLL
// itself tags ("GMT" and "CPI" as MISC) are not listed.

const COMMON_ACRONYMS = new Set([
  // Jobs and titles
  'CEO', 'CEOs', 'CFO', 'COO', 'CTO', 'CIO', 'CMO', 'VP', 'MP', 'MPs', 'MEP', 'MEPs', 'PhD', 'MBA', 'DJ', 'MC',
  // Economy and business
  'GDP', 'GNP', 'PMI', 'IPO', 'IPOs', 'ETF', 'ETFs', 'VAT', 'ESG', 'M&A', 'R&D', 'PR', 'HR', 'ATM', 'ATMs', 'PIN', 'B2B', 'SME', 'SMEs',
  // Technology
  'AI', 'AR', 'VR', 'XR', 'TV', 'TVs', 'PC', 'PCs', 'CPU', 'CPUs', 'GPU', 'GPUs', 'RAM', 'ROM', 'SSD', 'SSDs', 'HDD', 'USB', 'HDMI', 'HDR', 'HD',
  'UHD', 'LED', 'LEDs', 'LCD', 'OLED', 'GPS', 'SMS', 'URL', 'API', 'APIs', 'PDF', 'QR', 'NFT', 'NFTs', 'VPN', 'LTE', '4G', '5G', 'CD', 'CDs',
  'DVD', 'DVDs', 'MP3', 'FAQ', 'DIY', 'ID', 'IDs', 'OS', 'UI', 'EV', 'EVs', 'SUV', 'SUVs',
  // Science and health
  'DNA', 'RNA', 'mRNA', 'HIV', 'ICU', 'MRI', 'ECG', 'IVF', 'IQ', 'CO2', 'UV',
  // The clock (time zones are not here: CoNLL tags "GMT" MISC)
  'AM', 'PM',
]);

/**
 * Page labels in capitals, above or inside an article: the tagger read "ADVERTISING" and
 * "EXCLUSIVE" as organisations. Datelines in capitals ("LONDON", "CAIRO") are names and stay.
 */
const PAGE_LABELS = new Set([
  'ADVERTISING', 'ADVERTISEMENT', 'SPONSORED', 'PROMOTED', 'EXCLUSIVE', 'BREAKING', 'UPDATE', 'UPDATED', 'WATCH', 'VIDEO', 'VIDEOS', 'PHOTOS',
  'GALLERY', 'LIVE', 'OPINION', 'ANALYSIS', 'COMMENT', 'RELATED', 'MORE', 'READ', 'LISTEN', 'PODCAST', 'NEWSLETTER', 'SUBSCRIBE', 'FEATURED',
  'TRENDING', 'ADVERTORIAL', 'PREMIUM',
  // Caption labels, as pages write them above a photo or a clip ("Photo" was ORG on nytimes-1)
  'PHOTO', 'Photo', 'Video', 'Image', 'Advertisement',
]);

/**
 * Words that open a sentence as a remark ("Sure, the console is fast."): written with a capital
 * there, the tagger read "Sure" as MISC in a games review. Alone they are never a name.
 */
const DISCOURSE_WORDS = new Set([
  'Sure', 'Yes', 'Yeah', 'Okay', 'Alas', 'Oh', 'Wow', 'Hey', 'Well', 'Still', 'Indeed', 'Meanwhile', 'However', 'Overall', 'Besides', 'Thanks', 'Sorry',
]);

/** Whether a one-token name is only a common noun's acronym, a page label or a sentence-opening remark. */
export function isNotAName(text: string): boolean {
  return COMMON_ACRONYMS.has(text) || PAGE_LABELS.has(text) || DISCOURSE_WORDS.has(text);
}
