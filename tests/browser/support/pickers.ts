import type { Locator, Page } from 'playwright-core';

/**
 * Types into a person or unit picker (a combobox) and picks the suggestion named `option`;
 * returns the suggestion's second line (roles and unit path, or the unit's path).
 */
export async function pickSuggestion(
  page: Page,
  input: Locator,
  typed: string,
  option: RegExp,
): Promise<string> {
  await input.fill(typed);
  const suggestion = page.getByRole('option', { name: option });
  await suggestion.waitFor();
  const second = (await suggestion.locator('.combo-secondary').textContent()) ?? '';
  await suggestion.click();
  return second;
}
