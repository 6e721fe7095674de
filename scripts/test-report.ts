// What `npm test` reads from a step's JSON report (Vitest's or Playwright's): how many tests
// passed and failed, and which failed with what message.
import { existsSync, readFileSync } from 'node:fs';

/** A step's JSON report (Vitest's or Playwright's), read once; null when the step wrote none. */
type Report = ReturnType<typeof JSON.parse>;
export function readReport(reportPath: string): Report | null {
  return existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : null;
}

export function countTests(report: Report): { passed: number; failed: number } | null {
  if ('numPassedTests' in report) return { passed: report.numPassedTests, failed: report.numFailedTests };
  if (report.stats) return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  return null;
}

/** Names and first message line of each failed test in a step's JSON report, so that the tail of
 * a CI log (often all that is kept) says which test failed and why. */
export function failedTests(report: Report): string[] {
  // Playwright colours its messages; a log keeps the escape codes, so they are taken out.
  const firstLine = (message: unknown) =>
    String(message ?? '')
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .find((line) => line.trim()) ?? '';
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
