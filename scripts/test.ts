// `npm test`: every check the project has, in order, with one pass/fail summary at the end.
// Steps: Chromium present (installed where the platform allows), typecheck, lint, unit tests,
// both builds, web-ext lint of the Firefox build, end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.ts';

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

function countTests(reportPath: string): { passed: number; failed: number } | null {
  if (!existsSync(reportPath)) return null;
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  if ('numPassedTests' in report) return { passed: report.numPassedTests, failed: report.numFailedTests };
  if (report.stats) return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  return null;
}

/** Names and first message line of each failed test in a step's JSON report, so that the tail of
 * a CI log (often all that is kept) says which test failed and why. */
function failedTests(reportPath: string): string[] {
  if (!existsSync(reportPath)) return [];
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const firstLine = (message: unknown) => String(message ?? '').split('\n').find((line) => line.trim()) ?? '';
  const out: string[] = [];
  // Vitest: testResults[].assertionResults[]; a file that fails to load has only a message.
  for (const file of report.testResults ?? []) {
    const failed = (file.assertionResults ?? []).filter((a: { status: string }) => a.status === 'failed');
    for (const a of failed) out.push(`${file.name}: ${a.fullName} — ${firstLine(a.failureMessages?.[0])}`);
    if (!failed.length && file.status === 'failed') out.push(`${file.name}: ${firstLine(file.message)}`);
  }
  // Playwright: suites nest; a spec is failed when it is not ok.
  interface PwSpec { ok: boolean; title: string; file: string; line: number; tests?: { results?: { error?: { message?: string } }[] }[] }
  interface PwSuite { specs?: PwSpec[]; suites?: PwSuite[] }
  const walk = (suite: PwSuite) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const result = spec.tests?.[0]?.results?.at(-1);
      out.push(`${spec.file}:${spec.line} ${spec.title} — ${firstLine(result?.error?.message)}`);
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

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
  const tests = step.report ? countTests(step.report) ?? undefined : undefined;
  const failures = step.report ? failedTests(step.report) : [];
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
