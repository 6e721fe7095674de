// The extractor's first runs in a fresh service worker are several times slower than later ones:
// the engine compiles and optimises its hot loops as they run. The browser starts the worker at
// launch and again whenever it wakes it (a content script's first message), so the worker decodes
// the model and runs the extractor on a short made-up article a few times right away, each run its
// own task so that a real request waiting in the queue goes between them.
import { defaultModel, extract } from '../../lib/extract';

const WARM_UP_TEXT = [
  'Chancellor Olaf Scholz told the Bundestag in Berlin on Tuesday that Siemens would invest €3m, about 15 per cent more than in 2023.',
  'President Vladimir Putin met Xi Jinping in Moscow on May 8; trade between China and Russia reached $244.8 billion last year, the fourth year of growth.',
  'The United Nations Security Council will meet in New York next week, a spokeswoman for Secretary-General António Guterres said.',
  'Shares in Apple rose 2.4% to $187.50 after the company said it had sold 46 million iPhones in the three months to June.',
  'About 1,200 people were evacuated from Valencia, Spain, where 300 millimetres of rain fell in eight hours, the worst storm since 1957.',
].join('\n');

/** Decodes the model now, then runs the extractor `rounds` times, one task each. */
export function warmUpExtractor(rounds: number, schedule: (task: () => void) => void = (task) => setTimeout(task, 0)): void {
  schedule(() => {
    defaultModel();
    let left = rounds;
    const next = (): void => {
      if (left-- <= 0) return;
      extract(WARM_UP_TEXT);
      schedule(next);
    };
    next();
  });
}
