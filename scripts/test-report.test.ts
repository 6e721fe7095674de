// The reports are trimmed from real ones: Vitest's and Playwright's JSON reporters on a test that
// fails on purpose (expect(1 + 1).toBe(3)), and one that passes.
import { describe, expect, it } from 'vitest';
import { countTests, failedTests } from './test-report.ts';

const VITEST = {
  numPassedTests: 1,
  numFailedTests: 1,
  testResults: [
    {
      name: '/repo/lib/zz/zz.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { fullName: 'fails on purpose', status: 'failed', failureMessages: ['AssertionError: expected 2 to be 3 // Object.is equality\n    at /repo/lib/zz/zz.test.ts:2:42'] },
        { fullName: 'passes', status: 'passed', failureMessages: [] },
      ],
    },
    // A file that could not load has a message and no test results.
    { name: '/repo/lib/broken.test.ts', status: 'failed', message: "Cannot find module './gone'\nRequire stack: …", assertionResults: [] },
  ],
};

const PLAYWRIGHT = {
  stats: { expected: 0, skipped: 0, unexpected: 1, flaky: 0 },
  suites: [
    {
      title: 'zz.spec.ts',
      specs: [
        {
          title: 'fails on purpose',
          ok: false,
          file: 'zz.spec.ts',
          line: 2,
          tests: [{ results: [{ status: 'failed', error: { message: 'Error: \u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).\u001b[22mtoBe\u001b[2m(\u001b[22m\u001b[32mexpected\u001b[39m\u001b[2m) // Object.is equality\u001b[22m\n\nExpected: 3\nReceived: 2' } }] }],
        },
      ],
      suites: [{ title: 'nested', specs: [{ title: 'passes', ok: true, file: 'zz.spec.ts', line: 5, tests: [] }], suites: [] }],
    },
  ],
};

describe('test reports', () => {
  it('count passed and failed tests in either report', () => {
    expect(countTests(VITEST)).toEqual({ passed: 1, failed: 1 });
    expect(countTests(PLAYWRIGHT)).toEqual({ passed: 0, failed: 1 });
  });

  it('name each failed test with the first line of its message, without colour codes', () => {
    expect(failedTests(VITEST)).toEqual([
      '/repo/lib/zz/zz.test.ts: fails on purpose — AssertionError: expected 2 to be 3 // Object.is equality',
      "/repo/lib/broken.test.ts: Cannot find module './gone'",
    ]);
    expect(failedTests(PLAYWRIGHT)).toEqual(['zz.spec.ts:2 fails on purpose — Error: expect(received).toBe(expected) // Object.is equality']);
  });
});
