// `npm test`: every check the project has, in order, with one pass/fail summary at the end.
// Steps: Chromium present (installed where the platform allows), typecheck, lint, unit tests,
// both builds, web-ext lint of the Firefox build, end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.ts';
import { countTests, failedTests, readReport } from './test-report.ts';

interface Step {
  name: string;
  command: string[];
  /** Reads the number of passed and failed tests from the step's JSON report, where it has one. */
  report?: string;
}

const reports = '.cache/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps: Step[] = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  {
    name: 'unit tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`],
    report: `${reports}/unit.json`,
  },
  { name: 'build (chrome + firefox)', command: ['npm', 'run', '--silent', 'build'] },
  { name: 'web-ext lint (firefox)', command: ['npm', 'run', '--silent', 'lint:firefox'] },
  {
    name: 'end-to-end tests',
    command: ['npx', 'playwright', 'test'],
    report: `${reports}/e2e.json`,
  },
];

const results: { name: string; ok: boolean; seconds: number; tests?: { passed: number; failed: number }; failures: string[] }[] = [];
let chromium: string;
try {
  chromium = ensureChromium();
  console.log(`Chromium: ${chromium}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━ ${step.command.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.command[0]!, step.command.slice(1), {
    stdio: 'inherit',
    env: {
      ...process.env,
      LEDE_CHROMIUM: chromium,
      // The build step above already built the extension; the e2e harness reuses it.
      LEDE_SKIP_BUILD: '1',
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`,
    },
  });
  const report = step.report ? readReport(step.report) : null;
  const tests = report ? countTests(report) ?? undefined : undefined;
  const failures = report ? failedTests(report) : [];
  results.push({ name: step.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000, tests, failures });
}

console.log('\n━━ Lede test summary ━━');
for (const r of results) {
  const counts = r.tests ? ` (${r.tests.passed} passed, ${r.tests.failed} failed)` : '';
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(26)} ${r.seconds.toFixed(1).padStart(6)} s${counts}`);
  for (const failure of r.failures) console.log(`      ✗ ${failure.slice(0, 400)}`);
}
const passed = results.reduce((n, r) => n + (r.tests?.passed ?? (r.ok ? 1 : 0)), 0);
const failed = results.reduce((n, r) => n + (r.tests ? r.tests.failed + (r.ok || r.tests.failed ? 0 : 1) : r.ok ? 0 : 1), 0);
const allOk = results.every((r) => r.ok);
console.log(allOk ? '\nAll checks passed.' : `\n${results.filter((r) => !r.ok).length} step(s) failed.`);
// Checks without a test count (typecheck, lint, builds) count as one test each.
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
