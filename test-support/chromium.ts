import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: browser tests use it, and never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Debian's Chromium is installed (browser tests are skipped, saying so, when not). */
export const hasChromium = existsSync(CHROMIUM);

/** Launches Debian's Chromium headless, with nothing reaching out of the machine. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
}
