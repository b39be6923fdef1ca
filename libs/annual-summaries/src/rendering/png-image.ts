import { deflateSync } from 'node:zlib';

/**
 * A small RGB raster for the summary's charts: filled rectangles and filled outlines (glyphs) with
 * anti-aliased edges, written as a PNG with node:zlib. Enough for a bar chart; nothing more is needed.
 */
export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];

/** Sub-scanlines per pixel row: the vertical anti-aliasing (the horizontal one is exact). */
const SUBSAMPLES = 4;

export class RasterImage {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i += 1) this.pixels.set(background, i * 3);
  }

  fillRect(x: number, y: number, width: number, height: number, colour: Rgb): void {
    this.fillContours(
      [
        [
          [x, y],
          [x + width, y],
          [x + width, y + height],
          [x, y + height],
        ],
      ],
      colour,
    );
  }

  /** Fills closed polygons by the non-zero winding rule (as fonts are drawn). */
  fillContours(contours: ReadonlyArray<readonly Point[]>, colour: Rgb): void {
    const edges: Array<{ x0: number; y0: number; x1: number; y1: number; dir: number }> = [];
    let top = Infinity;
    let bottom = -Infinity;
    for (const contour of contours) {
      for (let i = 0; i < contour.length; i += 1) {
        const [xa, ya] = contour[i];
        const [xb, yb] = contour[(i + 1) % contour.length];
        if (ya === yb) continue;
        edges.push(ya < yb ? { x0: xa, y0: ya, x1: xb, y1: yb, dir: 1 } : { x0: xb, y0: yb, x1: xa, y1: ya, dir: -1 });
        top = Math.min(top, ya, yb);
        bottom = Math.max(bottom, ya, yb);
      }
    }
    if (edges.length === 0) return;
    const coverage = new Float32Array(this.width);
    const crossings: Array<{ x: number; dir: number }> = [];
    for (let row = Math.max(0, Math.floor(top)); row < Math.min(this.height, Math.ceil(bottom)); row += 1) {
      coverage.fill(0);
      let any = false;
      for (let s = 0; s < SUBSAMPLES; s += 1) {
        const y = row + (s + 0.5) / SUBSAMPLES;
        crossings.length = 0;
        for (const e of edges) {
          if (y < e.y0 || y >= e.y1) continue;
          crossings.push({ x: e.x0 + ((y - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir });
        }
        if (crossings.length < 2) continue;
        crossings.sort((a, b) => a.x - b.x);
        let winding = 0;
        for (let i = 0; i < crossings.length - 1; i += 1) {
          winding += crossings[i].dir;
          if (winding !== 0) {
            this.addSpan(coverage, crossings[i].x, crossings[i + 1].x);
            any = true;
          }
        }
      }
      if (any) this.blendRow(row, coverage, colour);
    }
  }

  /** Adds the part of each pixel that [x0, x1) covers, for one sub-scanline. */
  private addSpan(coverage: Float32Array, x0: number, x1: number): void {
    const from = Math.max(0, x0);
    const to = Math.min(this.width, x1);
    if (to <= from) return;
    const first = Math.floor(from);
    const last = Math.min(this.width - 1, Math.floor(to - 1e-9));
    const share = 1 / SUBSAMPLES;
    if (first === last) {
      coverage[first] += (to - from) * share;
      return;
    }
    coverage[first] += (first + 1 - from) * share;
    for (let x = first + 1; x < last; x += 1) coverage[x] += share;
    coverage[last] += (to - last) * share;
  }

  private blendRow(row: number, coverage: Float32Array, [r, g, b]: Rgb): void {
    for (let x = 0; x < this.width; x += 1) {
      const alpha = Math.min(1, coverage[x]);
      if (alpha <= 0) continue;
      const at = (row * this.width + x) * 3;
      this.pixels[at] = Math.round(this.pixels[at] * (1 - alpha) + r * alpha);
      this.pixels[at + 1] = Math.round(this.pixels[at + 1] * (1 - alpha) + g * alpha);
      this.pixels[at + 2] = Math.round(this.pixels[at + 2] * (1 - alpha) + b * alpha);
    }
  }

  /** The image as a PNG file: 8-bit RGB, no interlace, each row unfiltered (flat colours compress well as they are). */
  toPng(): Buffer {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let y = 0; y < this.height; y += 1) {
      raw[y * (stride + 1)] = 0; // filter type: none
      raw.set(this.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
    return Buffer.concat([
      PNG_SIGNATURE,
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of PNG chunks (ISO 3309, as zlib's). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
