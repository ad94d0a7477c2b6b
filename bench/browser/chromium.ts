// The bench's browser: the same Chromium, and the same quiet flags, as the browser tests
// (test/support/chromium.mjs), driven by Playwright.
import { chromium, type Browser } from 'playwright'
import { chromiumArgs, findChromium } from '../../test/support/chromium.mjs'

export async function launchChromium(): Promise<Browser> {
  const found = await findChromium()
  if (!found) {
    throw new Error(
      'No Chromium for the browser bench: set CHROMIUM_PATH, or run `node test/support/chromium.mjs`.',
    )
  }
  return chromium.launch({ executablePath: found.path, args: chromiumArgs })
}
