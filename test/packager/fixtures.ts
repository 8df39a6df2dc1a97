import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { PNG } from 'pngjs';
import type { AppIcons } from '../../packager';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const APP_PACKAGE_DIR = path.join(REPO_ROOT, 'appPackage');

export function readTemplate(): unknown {
  return JSON.parse(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
}

export function committedIcons(): AppIcons {
  return {
    color: fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')),
    outline: fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')),
  };
}

export const BOT_ID = '6f1b6c1e-2f4a-4b8e-9d3a-1c2b3d4e5f60';

/** Realistic values for every placeholder; tests override one at a time. */
export const VALUES: Readonly<Record<string, string>> = {
  APP_VERSION: '1.2.3',
  TEAMS_APP_ID: '0b7e4f0a-8c1d-4e2f-a3b4-c5d6e7f80912',
  BOT_ID,
  ENTRA_APP_ID: BOT_ID,
  BOT_DOMAIN: 'interests-bot.contoso.com',
  DEVELOPER_NAME: 'Contoso IT',
  DEVELOPER_WEBSITE_URL: 'https://www.contoso.com',
  PRIVACY_URL: 'https://www.contoso.com/privacy',
  TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
};

export function exampleEnvValues(): Record<string, string> {
  return parseDotenv(fs.readFileSync(path.join(REPO_ROOT, 'env', '.env.example')));
}

type Rgba = readonly [number, number, number, number];

/** A PNG of the given size whose pixels come from `pixel(x, y)`. */
export function drawPng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) png.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

/** White disc on transparent: a valid outline icon when 32×32. */
export function whiteDisc(size: number): Buffer {
  const centre = size / 2;
  return drawPng(size, size, (x, y) => ((x - centre) ** 2 + (y - centre) ** 2 < (size / 3) ** 2 ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

/** Deep copy of a JSON value, edited by `change`. */
export function edited<T>(value: T, change: (copy: Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  change(copy);
  return copy;
}
