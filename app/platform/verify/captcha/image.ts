import crypto from 'node:crypto';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphInk } from './glyphs';
import { encodePng } from './png';

export const CAPTCHA_WIDTH = 160;
export const CAPTCHA_HEIGHT = 60;

type Rgb = [number, number, number];

const rand = (min: number, max: number): number => min + (crypto.randomInt(0, 1_000_000) / 1_000_000) * (max - min);

class Canvas {
  readonly pixels: Uint8Array;
  constructor(readonly width: number, readonly height: number) {
    this.pixels = new Uint8Array(width * height * 3);
  }

  set(x: number, y: number, [r, g, b]: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (Math.floor(y) * this.width + Math.floor(x)) * 3;
    this.pixels[i] = r;
    this.pixels[i + 1] = g;
    this.pixels[i + 2] = b;
  }

  /** A line `thickness` pixels wide from (x0, y0) to (x1, y1). */
  line(x0: number, y0: number, x1: number, y1: number, colour: Rgb, thickness: number): void {
    const steps = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))) * 2;
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      for (let dx = 0; dx < thickness; dx++) for (let dy = 0; dy < thickness; dy++) this.set(x + dx, y + dy, colour);
    }
  }
}

const darkColour = (): Rgb => [crypto.randomInt(10, 110), crypto.randomInt(10, 110), crypto.randomInt(10, 110)];

/**
 * The captcha as a PNG: each character drawn from its bitmap at its own size, rotation and shear, the
 * whole text bent by a sine wave, over a noisy background crossed by lines in the glyphs' own colours.
 * A person reads it at a glance; a naive OCR meets no straight baseline, no fixed font, no clean
 * background, and strokes that touch the noise lines.
 */
export function renderCaptcha(code: string): Buffer {
  const canvas = new Canvas(CAPTCHA_WIDTH, CAPTCHA_HEIGHT);
  const tint: Rgb = [crypto.randomInt(215, 250), crypto.randomInt(215, 250), crypto.randomInt(215, 250)];
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      const grain = crypto.randomInt(-18, 18);
      canvas.set(x, y, [tint[0] + grain, tint[1] + grain, tint[2] + grain].map((v) => Math.max(0, Math.min(255, v))) as Rgb);
    }
  }

  const colours = [...code].map(() => darkColour());
  for (let i = 0; i < 3; i++) canvas.line(rand(0, 30), rand(5, 55), rand(130, 160), rand(5, 55), colours[crypto.randomInt(0, colours.length)], 1);

  const wave = { amplitude: rand(1.5, 3), period: rand(18, 30), phase: rand(0, Math.PI * 2) };
  const slot = (canvas.width - 20) / code.length;
  const glyphs = [...code].map((ch, i) => ({
    ch,
    colour: colours[i],
    cx: 10 + slot * (i + 0.5) + rand(-3, 3),
    cy: canvas.height / 2 + rand(-5, 5),
    angle: rand(-0.3, 0.3),
    shear: rand(-0.2, 0.2),
    scale: rand(4.6, 5.6),
  }));
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      const wx = x + wave.amplitude * Math.sin(y / wave.period + wave.phase);
      const wy = y + wave.amplitude * Math.cos(x / wave.period + wave.phase);
      for (const g of glyphs) {
        const dx = wx - g.cx;
        const dy = wy - g.cy;
        if (Math.abs(dx) > 26 || Math.abs(dy) > 30) continue;
        const cos = Math.cos(-g.angle);
        const sin = Math.sin(-g.angle);
        const u = (dx * cos - dy * sin) / g.scale;
        const v = (dx * sin + dy * cos) / g.scale;
        const column = Math.floor(u - g.shear * v + GLYPH_WIDTH / 2);
        const row = Math.floor(v + GLYPH_HEIGHT / 2);
        if (glyphInk(g.ch, column, row)) {
          canvas.set(x, y, g.colour);
          break;
        }
      }
    }
  }

  for (let i = 0; i < 3; i++) canvas.line(rand(0, 40), rand(0, 60), rand(120, 160), rand(0, 60), colours[crypto.randomInt(0, colours.length)], crypto.randomInt(1, 3));
  for (let i = 0; i < 250; i++) canvas.set(crypto.randomInt(0, canvas.width), crypto.randomInt(0, canvas.height), darkColour());
  return encodePng(canvas.width, canvas.height, canvas.pixels);
}
