/**
 * Draws the app icons into `appPackage/`: a luggage-tag glyph with a star (an interest you tag on your profile),
 * white on the accent colour for `color.png` (192×192) and white on transparent for `outline.png` (32×32).
 * Run after changing the design: `npm run build:tools && node dist/packager/drawIcons.js`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Point = readonly [number, number];
/** Coverage test in the unit square [0,1]², y pointing down. */
type Shape = (x: number, y: number) => boolean;

const ACCENT = [0x33, 0x55, 0xcc] as const;
const SUPERSAMPLES = 6;

function insidePolygon(polygon: readonly Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
      const [xi, yi] = polygon[i] ?? [0, 0];
      const [xj, yj] = polygon[j] ?? [0, 0];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function insideCircle([cx, cy]: Point, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function starPolygon([cx, cy]: Point, outer: number, inner: number): Point[] {
  return Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
  });
}

/** Rotates the shape's coordinates about the centre of the square. */
function rotated(shape: Shape, degrees: number): Shape {
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  return (x, y) => {
    const dx = x - 0.5;
    const dy = y - 0.5;
    return shape(0.5 + dx * cos + dy * sin, 0.5 - dx * sin + dy * cos);
  };
}

/** Shrinks the shape about the centre of the square, leaving a margin around it. */
function scaled(shape: Shape, factor: number): Shape {
  return (x, y) => shape(0.5 + (x - 0.5) / factor, 0.5 + (y - 0.5) / factor);
}

/** A tag pointing left with a punched hole and a star cut out of its body, turned so the tip points up-left; `size` is the share of the square it spans. */
function tagGlyph(withStar: boolean, size: number): Shape {
  const body = insidePolygon([
    [0.04, 0.5],
    [0.3, 0.22],
    [0.96, 0.22],
    [0.96, 0.78],
    [0.3, 0.78],
  ]);
  const hole = insideCircle([0.27, 0.5], 0.07);
  const star = insidePolygon(starPolygon([0.63, 0.515], 0.19, 0.085));
  return scaled(rotated((x, y) => body(x, y) && !hole(x, y) && !(withStar && star(x, y)), 45), size);
}

/** Fraction of the pixel the shape covers, by supersampling, for smooth edges. */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLES; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLES; sx += 1) {
      if (shape((px + (sx + 0.5) / SUPERSAMPLES) / size, (py + (sy + 0.5) / SUPERSAMPLES) / size)) hits += 1;
    }
  }
  return hits / SUPERSAMPLES ** 2;
}

function drawIcon(size: number, glyph: Shape, background: readonly [number, number, number] | null): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const offset = (py * size + px) * 4;
      const cover = coverage(glyph, px, py, size);
      if (background) {
        // White glyph blended over the opaque accent background.
        background.forEach((channel, index) => (png.data[offset + index] = Math.round(channel + (255 - channel) * cover)));
        png.data[offset + 3] = 255;
      } else {
        // Outline icon: always white, the glyph's shape carried by alpha alone.
        png.data.fill(255, offset, offset + 3);
        png.data[offset + 3] = Math.round(255 * cover);
      }
    }
  }
  return PNG.sync.write(png);
}

function main(): void {
  const target = path.resolve(process.argv[2] ?? 'appPackage');
  fs.writeFileSync(path.join(target, 'color.png'), drawIcon(192, tagGlyph(true, 0.74), ACCENT));
  fs.writeFileSync(path.join(target, 'outline.png'), drawIcon(32, tagGlyph(true, 0.86), null));
  console.log(`Wrote color.png and outline.png to ${target}`);
}

main();
