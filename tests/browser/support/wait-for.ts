import type { Locator } from 'playwright-core';

const LIMIT_MS = 15_000;

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, limitMs = LIMIT_MS): Promise<T> {
  const until = Date.now() + limitMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Whether the locator shows within the wait limit (Playwright's own wait, then a yes/no). */
export async function isShown(locator: Locator): Promise<boolean> {
  return locator
    .first()
    .waitFor({ state: 'visible', timeout: LIMIT_MS })
    .then(() => true)
    .catch(() => false);
}

/** The number of matches once it reaches `expected` (or whatever it is when the wait ends). */
export const countOf = (locator: Locator, expected: number, limitMs = LIMIT_MS) =>
  poll(
    () => locator.count(),
    (n) => n === expected,
    limitMs,
  );

/** The element's text once it contains `expected` (or whatever it is when the wait ends). */
export const textOf = (locator: Locator, expected: string) =>
  poll(
    () => locator.first().innerText(),
    (text) => text.includes(expected),
  );
