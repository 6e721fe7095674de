// Names that news has been full of since the training text was written (CoNLL-2003 is Reuters
// from 1996, OntoNotes newswire mostly from the 2000s): companies, services and groups the
// gazetteer never saw. Without them the tagger read "Yahoo" and "Netflix" as places, "Whole Foods"
// as a person, and missed "Yahoo" and "Walmart" altogether. They join the gazetteer at load, so
// the tagger weighs them as it learnt to weigh gazetteer matches (evidence, not a verdict: context
// still decides, and a name also known as a place, such as "Amazon", stays open to both).
// Our own list, not corpus text. Words that are common English at a sentence start ("Target",
// "Square", "Snap", "Zoom", "Wired", "Visa", "Who") are left out: the gazetteer matches any
// capitalised word. So are names written with a small first letter ("iPhone", "eBay"): gazetteer
// phrases start at a capital.
import { NAME_TYPES } from './corpus.ts';
import { phraseHash, prepareDoc } from './features.ts';
import type { IntTable } from './table.ts';

type NameType = (typeof NAME_TYPES)[number];

const RECENT_NAMES: Record<NameType, readonly string[]> = {
  PER: [],
  ORG: [
    // Technology and the internet
    'Google', 'Alphabet', 'Facebook', 'Meta', 'Instagram', 'WhatsApp', 'Twitter', 'YouTube', 'TikTok', 'ByteDance', 'Snapchat', 'Pinterest',
    'LinkedIn', 'Reddit', 'Netflix', 'Spotify', 'Hulu', 'Uber', 'Lyft', 'Airbnb', 'DoorDash', 'Tesla', 'SpaceX', 'Nvidia', 'Qualcomm', 'Broadcom',
    'Salesforce', 'PayPal', 'Shopify', 'Alibaba', 'Tencent', 'Baidu', 'Huawei', 'Xiaomi', 'Lenovo', 'Samsung', 'Foxconn', 'TSMC',
    'OpenAI', 'Anthropic', 'DeepMind', 'Yahoo', 'Verizon', 'AT&T', 'T-Mobile', 'Comcast', 'Tumblr', 'Dropbox', 'GitHub', 'Mozilla', 'Wikipedia',
    'Etsy', 'Wayfair', 'Intel', 'Cisco', 'Oracle', 'Adobe', 'Dell', 'Palantir', 'Coinbase', 'Binance', 'FTX', 'Robinhood', 'Stripe',
    // Shops, food, consumer goods
    'Walmart', "Sam's Club", 'Costco', 'Kroger', 'Whole Foods', 'Starbucks', "McDonald's", 'Ikea', 'IKEA', 'Nike', 'Adidas', 'Unilever', 'Nestlé', 'Nestle',
    // Media
    'Disney', 'Warner Bros', 'HBO', 'Paramount', 'Fox News', 'MSNBC', 'NPR', 'Politico', 'Axios', 'BuzzFeed', 'HuffPost', 'TechCrunch', 'Engadget',
    'Al Jazeera', 'Reuters', 'Bloomberg', 'Getty Images', 'Shutterstock',
    // Transport and energy
    'Boeing', 'Airbus', 'Ryanair', 'easyJet', 'Lufthansa', 'Volkswagen', 'Toyota', 'BMW', 'Stellantis', 'Rivian', 'BYD', 'Nissan', 'ExxonMobil',
    'Chevron', 'BP', 'Gazprom', 'Rosneft', 'Aramco', 'Saudi Aramco',
    // Health and pharmaceuticals
    'Pfizer', 'Moderna', 'BioNTech', 'AstraZeneca', 'Johnson & Johnson', 'Novartis', 'Roche', 'Gilead', 'Regeneron', 'Novo Nordisk',
    // Finance
    'Goldman Sachs', 'JPMorgan', 'JPMorgan Chase', 'Citigroup', 'Barclays', 'HSBC', 'BlackRock', 'Berkshire Hathaway', 'Mastercard',
    // Groups and institutions
    'NATO', 'IMF', 'OPEC', 'BRICS', 'Hamas', 'Hezbollah', 'Taliban', 'ISIS', 'Islamic State', 'al-Qaeda', 'Wagner Group', 'Europol', 'Frontex',
    'Greenpeace', 'Amnesty International', 'Human Rights Watch', 'Interpol',
  ],
  LOC: [],
  MISC: [
    'Android', 'ChatGPT', 'Xbox', 'PlayStation', 'Bitcoin', 'COVID-19', 'Covid-19', 'Brexit',
    // Products, software and technologies that reviews name (read as people or places before)
    'Safari', 'Firefox', 'Siri', 'Alexa', 'Face ID', 'Touch ID', 'Retina', 'Dolby Atmos', 'Dolby Vision', 'Wi-Fi',
    'Bluetooth', 'Vision Pro', 'Apple Vision Pro', 'Meta Quest', 'Nintendo Switch', 'Copilot',
    // Wars as news abbreviates them (the seed article's "WWII" came out ORG)
    'WWII', 'WWI', 'WW2', 'WW1',
  ],
};

/**
 * Names whose old reading news has left behind: the gazetteer knows "Amazon" only as the river, and
 * with the company added beside it the tagger still read "Amazon bought Whole Foods" and "Jeff Bezos
 * founded Amazon" as places; as a company only, context still finds the river ("fires in the Amazon
 * rainforest").
 */
const NOW_MAINLY: Record<string, NameType> = { Amazon: 'ORG' };

function hashOf(name: string): number {
  // Hashed as a document's tokens are, so the phrase matches where the tokeniser meets it.
  const doc = prepareDoc(name, null);
  return phraseHash(doc, 0, doc.n);
}

/** Adds the recent names to a loaded gazetteer (phrase hash -> type bits), keeping what it knew. */
export function addRecentNames(gazetteer: IntTable): void {
  for (const [name, type] of Object.entries(NOW_MAINLY)) gazetteer.set(hashOf(name), 1 << NAME_TYPES.indexOf(type));
  NAME_TYPES.forEach((type, bit) => {
    for (const name of RECENT_NAMES[type as NameType]) {
      const h = hashOf(name);
      const known = gazetteer.get(h);
      gazetteer.set(h, (known < 0 ? 0 : known) | (1 << bit));
    }
  });
}
