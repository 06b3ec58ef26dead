import type { Page } from '@playwright/test';

const shiftModifier = 8;
const virtualKeys: Record<string, number> = { Slash: 0xbf };

/**
 * Presses the key at `code`'s place as a keyboard in another layout types it (Arabic: KeyL types
 * م; Russian: KeyL types д). Playwright's keyboard knows the US layout only, so the event goes
 * through Chromium's DevTools protocol: a real, trusted key press, with the layout's character.
 */
export async function pressInLayout(page: Page, code: string, key: string, options: { shift?: boolean } = {}): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const keyCode = code.startsWith('Key') ? code.charCodeAt(3) : code.startsWith('Digit') ? code.charCodeAt(5) : (virtualKeys[code] ?? 0);
  const event = { code, key, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, modifiers: options.shift ? shiftModifier : 0 };
  await session.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event, text: key, unmodifiedText: key });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
  await session.detach();
}
