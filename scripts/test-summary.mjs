// Prints "N passed, N failed" summed over vitest JSON reports (CI reads this line, not vitest's
// own summary). A missing report, or a test file that failed to load, counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const broken = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + broken.length;
}
console.log(`${passed} passed, ${failed} failed`);
