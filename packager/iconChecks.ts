/**
 * What the manifest schema cannot check about the icons: their pixel sizes, and that the outline icon is white on
 * a transparent background (Teams recolours it, so any other colour or an opaque background shows as a block).
 */
import { PNG } from 'pngjs';
import { fail, ok, type Result } from '../src/domain/result';
import { describeError, type PackageIssue } from './packageIssue';

export interface AppIcons {
  readonly color: Uint8Array;
  readonly outline: Uint8Array;
}

export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Anti-aliased edges may be slightly off pure white; anything darker is a coloured pixel. */
const MIN_WHITE_CHANNEL = 0xf0;

type DecodedPng = { readonly width: number; readonly height: number; readonly data: Uint8Array };

function decodePng(bytes: Uint8Array): Result<DecodedPng, string> {
  try {
    return ok(PNG.sync.read(Buffer.from(bytes)));
  } catch (error) {
    return fail(describeError(error));
  }
}

function checkSize(field: string, png: DecodedPng, size: number): PackageIssue[] {
  if (png.width === size && png.height === size) return [];
  return [{ field, message: `must be ${size}×${size} pixels, found ${png.width}×${png.height}` }];
}

function checkWhiteOnTransparent(field: string, png: DecodedPng): PackageIssue[] {
  let transparent = 0;
  let coloured = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const [red = 0, green = 0, blue = 0, alpha = 0] = png.data.subarray(offset, offset + 4);
    if (alpha === 0) transparent += 1;
    else if (Math.min(red, green, blue) < MIN_WHITE_CHANNEL) coloured += 1;
  }
  const issues: PackageIssue[] = [];
  if (transparent === 0) issues.push({ field, message: 'must have a transparent background, but no pixel is transparent' });
  if (coloured > 0) issues.push({ field, message: `must be white on transparent, but ${coloured} visible pixels are not white` });
  if (transparent === png.width * png.height) issues.push({ field, message: 'is fully transparent: draw the glyph in white' });
  return issues;
}

export function checkIcons(icons: AppIcons): PackageIssue[] {
  const color = decodePng(icons.color);
  const outline = decodePng(icons.outline);
  const issues: PackageIssue[] = [];
  if (!color.ok) issues.push({ field: 'icons.color', message: `is not a readable PNG (${color.error})` });
  else issues.push(...checkSize('icons.color', color.value, ICON_SIZES.color));
  if (!outline.ok) issues.push({ field: 'icons.outline', message: `is not a readable PNG (${outline.error})` });
  else issues.push(...checkSize('icons.outline', outline.value, ICON_SIZES.outline), ...checkWhiteOnTransparent('icons.outline', outline.value));
  return issues;
}
