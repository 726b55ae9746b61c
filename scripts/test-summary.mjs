// Prints "N passed, N failed" summed over vitest JSON reports (CI reads this line, not vitest's
// own summary). A missing report, or a test file that failed to load, counts as a failure.
// Above that line it names every failure (file, test, first line of the error), so the tail of a
// CI log says what failed without the whole log.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

let passed = 0;
let failed = 0;
const failures = [];
const firstLine = (messages) =>
  String(messages?.[0] ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 240) ?? '';

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1;
    failures.push(`${file}: report missing`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const result of report.testResults ?? []) {
    const name = relative(process.cwd(), result.name ?? '?');
    const tests = result.assertionResults ?? [];
    if (result.status === 'failed' && tests.length === 0) {
      failed += 1;
      failures.push(`${file} ${name}: did not load — ${firstLine([result.message])}`);
    }
    for (const test of tests) {
      if (test.status !== 'failed') continue;
      failures.push(`${file} ${name} > ${test.fullName ?? test.title}: ${firstLine(test.failureMessages)}`);
    }
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (failures.length > 0) {
  console.log(`failures (${failures.length}):`);
  for (const line of failures) console.log(`  ${line}`);
}
console.log(`${passed} passed, ${failed} failed`);
