import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { PNG } from 'pngjs';
import { fillPlaceholders, localizeManifest, SHIPPED_CATALOGS, type AppCatalogs, type AppIcons } from '../../packager';
import type { Catalog, MessageKey } from '../../src/i18n/catalog';
import { en } from '../../src/i18n/catalogs/en';

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

/** English alone, as the package was before other languages shipped. */
export const ENGLISH_ONLY: AppCatalogs = { en };

/** The template with its placeholders filled from `values` and its words from the catalogs: the manifest the packager zips. */
export function filledManifest(values: Readonly<Record<string, string>> = VALUES, catalogs: AppCatalogs = SHIPPED_CATALOGS): Record<string, unknown> {
  const filled = fillPlaceholders(readTemplate(), values);
  if (!filled.ok) throw new Error(filled.error.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
  const localized = localizeManifest(filled.value, catalogs);
  if (!localized.ok) throw new Error(localized.error.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
  return localized.value.manifest as Record<string, unknown>;
}

/**
 * A stand-in translation for tests (not a shipped language): English with the app package's words replaced, so a
 * test can tell them apart. The command words keep English as a second alternative, as real catalogs do.
 */
export function testCatalog(overrides: Readonly<Partial<Record<MessageKey, string>>>): Catalog {
  return { ...en, ...overrides };
}

export const GERMAN_PACKAGE_WORDS: Readonly<Partial<Record<MessageKey, string>>> = {
  'manifest.name.short': 'Profil-Interessen',
  'manifest.name.full': 'Profil-Interessen: Halten Sie die Interessen in Ihrem Microsoft 365-Profil aktuell',
  'manifest.description.short': 'Halten Sie die Interessen in Ihrem Microsoft 365-Profil im Chat aktuell.',
  'manifest.description.full': 'Profil-Interessen pflegt die Interessen in Ihrem eigenen Microsoft 365-Profil per Chat.',
  'manifest.command.help.description': 'Zeigt, was ich kann.',
  'manifest.command.list.description': 'Zeigt die Interessen in Ihrem Profil.',
  'manifest.command.add.description': 'Fügt ein Interesse hinzu, zum Beispiel: hinzufügen Kubernetes',
  'manifest.command.tag.description': 'Markiert ein Interesse, zum Beispiel: markieren Kubernetes',
  'manifest.command.whoCanHelp.description': 'Findet Kolleginnen und Kollegen, zum Beispiel: wer kann helfen bei Kubernetes',
  'manifest.command.signOut.description': 'Meldet Sie vom Bot ab; Ihr Profil bleibt unverändert.',
  'words.command.help': 'hilfe|help|?',
  'words.command.list': 'liste|list',
  'words.command.add': 'hinzufügen|add',
  'words.command.tag': 'markieren|tag',
  'words.command.whoCanHelp': 'wer kann helfen bei|who can help with',
  'words.command.signOut': 'abmelden|sign out',
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
