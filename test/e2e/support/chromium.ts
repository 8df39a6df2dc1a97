import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

// Offline and quiet: no updates, sync or first-run pages; QUIC off so nothing waits on UDP that can't get out.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where Chromium is: CHROMIUM_PATH, else Debian's package. Missing Chromium fails the run, never skips it. */
export function chromiumExecutable(): string {
  const executable = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium was not found at ${executable}. The end-to-end tests drive the Microsoft 365 Agents Playground in headless ` +
        'Chromium: install it with `sudo apt-get install chromium` (Debian/Ubuntu; `npm test` runs `node scripts/setup.js --browser`, ' +
        'which does this when run as root) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return executable;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
}
