import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype, { type Font, type PathCommand } from 'opentype.js';
import { COMMITMENT_STATUSES } from '@hld/commitments';
import type { StatusCounts } from '../domain/summary-document.js';
import { RasterImage, type Point, type Rgb } from './png-image.js';
import { STATUS_LABELS } from './outline.js';

/**
 * The status chart of an agenda item: a horizontal bar per status, widths proportional to the counts, each
 * labelled with its number. One layout, drawn as SVG in the HTML edition and as a PNG in the DOCX edition, so
 * both show the same chart. Sizes are in CSS pixels (1/96 inch).
 */
const ROW_HEIGHT = 16;
const LABEL_WIDTH = 90;
const BAR_WIDTH = 300;
const FONT_SIZE = 10;
export const CHART_WIDTH = LABEL_WIDTH + BAR_WIDTH + 40;
export const chartHeight = () => COMMITMENT_STATUSES.length * ROW_HEIGHT + 4;

const STATUS_COLOURS: Record<string, string> = {
  proposed: '#9e9e9e',
  accepted: '#5b8db8',
  in_progress: '#1f5f99',
  under_review: '#c08a1e',
  completed: '#2e7d32',
  discontinued: '#8d3b3b',
};

interface Bar {
  label: string;
  value: number;
  colour: string;
  y: number;
  width: number;
}

function bars(counts: StatusCounts): Bar[] {
  const max = Math.max(1, ...Object.values(counts));
  return COMMITMENT_STATUSES.map((status, i) => ({
    label: STATUS_LABELS[status],
    value: counts[status],
    colour: STATUS_COLOURS[status],
    y: i * ROW_HEIGHT + 2,
    width: Math.round((counts[status] / max) * BAR_WIDTH),
  }));
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The chart as inline SVG, its title and description for screen readers. */
export function statusChartSvg(description: string, counts: StatusCounts): string {
  const height = chartHeight();
  const body = bars(counts)
    .map(
      (bar) =>
        `<text x="${LABEL_WIDTH - 4}" y="${bar.y + 11}" text-anchor="end" font-size="${FONT_SIZE}">${bar.label}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${bar.y + 2}" width="${bar.width}" height="${ROW_HEIGHT - 5}" fill="${bar.colour}"/>` +
        `<text x="${LABEL_WIDTH + bar.width + 4}" y="${bar.y + 11}" font-size="${FONT_SIZE}">${bar.value}</text>`,
    )
    .join('');
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="${CHART_WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="Arimo, Helvetica, Arial, sans-serif"><title>${escape(description)}</title>${body}</svg>`
  );
}

let font: Font | undefined;
/** Arimo (metrically the same as Arial, open licence), shipped by @fontsource/arimo: the PNG needs glyph outlines. */
function chartFont(): Font {
  if (!font) {
    const file = readFileSync(createRequire(import.meta.url).resolve('@fontsource/arimo/files/arimo-latin-400-normal.woff'));
    font = opentype.parse(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
  }
  return font;
}

const rgb = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/** The same chart as a PNG, `scale` device pixels per CSS pixel (3: about 290 dpi at its printed size). */
export function statusChartPng(counts: StatusCounts, scale = 3): { png: Buffer; width: number; height: number } {
  const height = chartHeight();
  const image = new RasterImage(CHART_WIDTH * scale, height * scale);
  const text = (value: string, x: number, y: number, anchorEnd: boolean) => {
    const size = FONT_SIZE * scale;
    const left = anchorEnd ? x * scale - chartFont().getAdvanceWidth(value, size) : x * scale;
    image.fillContours(outline(chartFont().getPath(value, left, y * scale, size).commands), [0, 0, 0]);
  };
  for (const bar of bars(counts)) {
    text(bar.label, LABEL_WIDTH - 4, bar.y + 11, true);
    if (bar.width > 0)
      image.fillRect(LABEL_WIDTH * scale, (bar.y + 2) * scale, bar.width * scale, (ROW_HEIGHT - 5) * scale, rgb(bar.colour));
    text(String(bar.value), LABEL_WIDTH + bar.width + 4, bar.y + 11, false);
  }
  return { png: image.toPng(), width: CHART_WIDTH, height };
}

/** A glyph path as closed polygons, its curves flattened into short segments. */
function outline(commands: PathCommand[]): Point[][] {
  const contours: Point[][] = [];
  let current: Point[] = [];
  let at: Point = [0, 0];
  const STEPS = 8;
  for (const c of commands) {
    switch (c.type) {
      case 'M':
        if (current.length) contours.push(current);
        current = [[c.x, c.y]];
        at = [c.x, c.y];
        break;
      case 'L':
        current.push([c.x, c.y]);
        at = [c.x, c.y];
        break;
      case 'Q':
        for (let i = 1; i <= STEPS; i += 1) {
          const t = i / STEPS;
          const u = 1 - t;
          current.push([u * u * at[0] + 2 * u * t * c.x1 + t * t * c.x, u * u * at[1] + 2 * u * t * c.y1 + t * t * c.y]);
        }
        at = [c.x, c.y];
        break;
      case 'C':
        for (let i = 1; i <= STEPS; i += 1) {
          const t = i / STEPS;
          const u = 1 - t;
          current.push([
            u * u * u * at[0] + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
            u * u * u * at[1] + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
          ]);
        }
        at = [c.x, c.y];
        break;
      case 'Z':
        if (current.length) contours.push(current);
        current = [];
        break;
    }
  }
  if (current.length) contours.push(current);
  return contours;
}
