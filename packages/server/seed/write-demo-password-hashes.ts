// Writes seed/demo-password-hashes.json from the demo directory: run it after adding a demo account
// (`node --import tsx packages/server/seed/write-demo-password-hashes.ts`). An account missing from
// the file still works: the first run hashes its password then, at ~0.1 s each.
import { writeDemoHashes } from '../src/seed/demo-password-hashes';
import { DEMO_PASSWORD, demoDirectory } from '../src/seed/demo-seed';

writeDemoHashes(
  demoDirectory().users.map((u) => u.username),
  DEMO_PASSWORD,
);
