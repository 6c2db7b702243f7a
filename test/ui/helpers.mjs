// Playwright helpers shared by the UI journeys.
export function workbench(page) {
  const sidebar = () => page.locator('[id="workbench.parts.sidebar"]');

  async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  async function answerInputBox(text) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await page.keyboard.press('Enter');
  }

  /** Filters the open quick pick and accepts the first row that shows `label`. */
  async function pick(label) {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(label);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  function toast(text) {
    return page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  return { sidebar, runCommand, answerInputBox, pick, toast };
}
