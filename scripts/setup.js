#!/usr/bin/env node
// Brings a fresh clone to a runnable state before `npm run dev` and `npm test`:
// installs the locked npm packages when they are missing and, with --browser, Debian's Chromium for the
// end-to-end tests. Plain JavaScript so it runs before anything is installed.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const wantsBrowser = process.argv.includes('--browser');

function run(command) {
  console.log(`> ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

function installedPackagesMatchLockfile() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(marker)) return false;
  return fs.statSync(marker).mtimeMs >= fs.statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

if (!installedPackagesMatchLockfile()) run('npm ci --no-audit --no-fund');

if (wantsBrowser) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
      run('apt-get update -qq');
      run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    } else {
      console.error(
        `Chromium was not found at ${chromium}. The end-to-end tests need it: ` +
          'install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.',
      );
      process.exit(1);
    }
  }
}
