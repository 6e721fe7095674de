// The extractor's first runs in a fresh service worker are several times slower than later ones:
// the engine compiles and optimises its hot loops as they run. The browser starts the worker at
// launch and again whenever it wakes it (a content script's first message), so the worker decodes
// the model and runs the extractor on a made-up article a few times right away, each run its own
// task so that a real request waiting in the queue goes between them. The article has the shapes
// news text has (headlines without a stop, quotes, titles, acronyms in brackets, money in several
// currencies, percentages, dates, ordinals, counts, fractions), so every path of the extractor
// has run, and been optimised, before the first page arrives.
import { defaultModel, extract } from '../../lib/extract';

const WARM_UP_TEXT = [
  'Chancellor Olaf Scholz told the Bundestag in Berlin on Tuesday that Siemens would invest €3m, about 15 per cent more than in 2023.',
  'President Vladimir Putin met Xi Jinping in Moscow on May 8; trade between China and Russia reached $244.8 billion last year, the fourth year of growth.',
  'The United Nations Security Council will meet in New York next week, a spokeswoman for Secretary-General António Guterres said.',
  'Shares in Apple rose 2.4% to $187.50 after the company said it had sold 46 million iPhones in the three months to June.',
  'About 1,200 people were evacuated from Valencia, Spain, where 300 millimetres of rain fell in eight hours, the worst storm since 1957.',
  'Rivian recalls 13,000 electric trucks over faulty seat belts',
  '"We will not back down," Senator Elizabeth Warren (D-Mass.) said on Thursday, as the Federal Reserve held rates at 5.25% for a third straight meeting.',
  'The International Monetary Fund (IMF) cut its forecast for the euro zone to 0.9 per cent in 2024 and warned that Germany\u2019s economy, Europe\u2019s largest, could shrink for a second year.',
  'Prime Minister Narendra Modi\u2019s Bharatiya Janata Party won 240 of the 543 seats in the Lok Sabha, short of a majority for the first time since 2014.',
  'Toyota Motor Corp. said quarterly operating profit rose to \u00a51.3 trillion ($8.7bn), while sales in North America fell by two-thirds in the 1990s-style slump.',
  'In the early hours of Sunday, March 3, rescuers in Lagos, Nigeria, pulled 17 survivors from a collapsed six-storey building; a dozen remain missing, the state emergency agency said.',
  'Dr. Anthony Fauci, who led the National Institute of Allergy and Infectious Diseases for 38 years, told CNN that about half of U.S. adults had received the updated vaccine.',
  'Microsoft, Alphabet and Amazon together spent more than $150 billion on data centres last year, up from $110bn in 2022, according to analysts at Morgan Stanley.',
  'The 26-year-old striker scored twice in the last 10 minutes as Manchester United beat Liverpool 2-1 at Old Trafford on Saturday, their first win there since October 2019.',
  'Ukraine\u2019s President Volodymyr Zelensky said 31,000 soldiers had been killed since Russia\u2019s full-scale invasion began two years ago, on Feb. 24, 2022.',
  'Inflation in Argentina slowed to 276.2% a year in February, the national statistics institute, INDEC, reported, and monthly prices rose 13.2%, the lowest since December.',
  'By 2030 the European Union wants 40% of the clean-tech equipment it installs to be made in Europe, up from roughly a quarter today, Commissioner Thierry Breton said in Brussels.',
].join('\n');

/** Decodes the model now, then runs the extractor `rounds` times, one task each. */
export function warmUpExtractor(rounds: number, schedule: (task: () => void) => void = (task) => setTimeout(task, 0)): void {
  schedule(() => {
    const model = defaultModel();
    let left = rounds;
    const next = (): void => {
      if (left-- <= 0) return;
      // Every round starts with empty word caches, so that the code filling them (it runs for each
      // new word of an article) is optimised too, not only the code reading them: the first
      // extraction of each corpus page in the service worker took about 15% less.
      model.scorer.clear();
      extract(WARM_UP_TEXT);
      schedule(next);
    };
    next();
  });
}
