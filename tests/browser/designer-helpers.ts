import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Commits a designer text input: fill, then leave it (the designer commits on blur). */
export async function commit(page: Page, selector: string, value: string): Promise<void> {
  const input = page.locator(selector).first();
  await input.fill(value);
  await input.press('Tab');
}

/** The bundle the designer's Export button downloads, parsed. */
export async function exportedText(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('.ff-toolbar')
      .getByRole('button', { name: /导出|Export/ })
      .click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

/** Key order does not change meaning. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

/** Selects a state on the canvas by clicking its node. */
export async function pickState(page: Page, id: string): Promise<void> {
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await page.locator('.ff-props h3 code', { hasText: id }).first().waitFor();
}

/** Sets the palette's new step as the selected state. */
export async function addStep(page: Page, kind: string): Promise<void> {
  await page.locator(`.ff-palette-item[data-kind="${kind}"]`).click();
}
