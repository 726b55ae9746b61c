import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../auth/password';

/**
 * The demo accounts' password hashes, shipped beside the demo directory: `flowform` scrypt-hashed
 * at the production cost, each account with its own salt. Hashing 97 accounts at the first run took
 * ~10 s of CPU (80 % of a first run's busy time); the password is published, so a salt that every
 * demo install shares protects nothing less than one drawn at install time.
 */
export const DEMO_HASHES_FILE = join(import.meta.dirname, '../../seed/demo-password-hashes.json');

/** Username → stored hash, as shipped (empty when the file is missing). */
export function shippedDemoHashes(file = DEMO_HASHES_FILE): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}

/** Writes the file for these usernames (the demo directory's), one fresh hash each. */
export function writeDemoHashes(usernames: string[], password: string, file = DEMO_HASHES_FILE): void {
  const hashes = Object.fromEntries(usernames.map((u) => [u, hashPassword(password)]));
  writeFileSync(file, `${JSON.stringify(hashes, null, 2)}\n`);
}
