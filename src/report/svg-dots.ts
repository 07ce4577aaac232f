// A phase duration by severity as a dot plot: a row per group, a dot per COE
// whose value the report carries, and marks for the median and the 90th
// percentile. Durations span minutes to days, so the axis is logarithmic.
// No bar and no mean: a few long incidents would drag a mean anywhere.
import { line, round, svgChart, text, tip, type ChartFrame } from './svg.js';

export interface DotRow {
  label: string;
  n: number;
  unknown: number;
  median: number | null;
  p90: number | null;
  /** The values the report carries for the group, in seconds. */
  points: { coe: string; seconds: number }[];
}

const WIDTH = 720;
const LEFT = 160;
const RIGHT = WIDTH - 24;
const TOP = 40;
const ROW = 36;

const MIN = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;
const LADDER: [number, string][] = [
  [MIN, '1 min'],
  [5 * MIN, '5 min'],
  [15 * MIN, '15 min'],
  [HOUR, '1 h'],
  [4 * HOUR, '4 h'],
  [12 * HOUR, '12 h'],
  [DAY, '1 d'],
  [2 * DAY, '2 d'],
  [4 * DAY, '4 d'],
  [7 * DAY, '1 w'],
  [14 * DAY, '2 w'],
  [30 * DAY, '30 d'],
  [90 * DAY, '90 d'],
  [365 * DAY, '1 y'],
];

export function dotPlot(frame: Omit<ChartFrame, 'width' | 'height'>, rows: DotRow[], format: (seconds: number) => string): string {
  const values = rows.flatMap((r) => [...r.points.map((p) => p.seconds), r.median ?? [], r.p90 ?? []].flat());
  const ticks = ticksFor(values);
  const [lo, hi] = [ticks[0]![0], ticks.at(-1)![0]];
  const x = (s: number) =>
    LEFT + ((Math.log(Math.min(hi, Math.max(s, lo))) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * (RIGHT - LEFT);
  const bottom = TOP + rows.length * ROW;
  const body = [legend()];
  ticks.forEach(([s, label], i) => {
    // Values beyond the ladder are drawn at its ends, which say so.
    const shown =
      i === 0 && values.some((v) => v < lo) ? `≤ ${label}` : i === ticks.length - 1 && values.some((v) => v > hi) ? `≥ ${label}` : label;
    body.push(line(x(s), TOP - 6, x(s), bottom, 'grid'));
    body.push(
      text(x(s), bottom + 16, shown, `class="label" text-anchor="${i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}"`),
    );
  });
  body.push(line(LEFT, bottom, RIGHT, bottom, 'axis'));
  rows.forEach((row, i) => body.push(rowMarks(row, TOP + i * ROW + ROW / 2, x, format)));
  return svgChart({ ...frame, width: WIDTH, height: bottom + 26 }, body);
}

function rowMarks(row: DotRow, y: number, x: (s: number) => number, format: (s: number) => string): string {
  const counted = `n ${row.n}${row.unknown ? `, ${row.unknown} unknown` : ''}`;
  const out = [
    text(LEFT - 12, y - 2, row.label, 'class="row-label" text-anchor="end"'),
    text(LEFT - 12, y + 12, counted, 'class="label" text-anchor="end"'),
  ];
  out.push(line(LEFT, y, RIGHT, y, 'row'));
  if (row.n === 0) {
    out.push(text(LEFT + 8, y + 4, 'no COE with both milestones', 'class="label"'));
    return `<g class="dot-row">${out.join('')}</g>`;
  }
  // Dots closer than a dot's width to the one before are nudged up and down, so each shows.
  let before = -Infinity;
  let nudge = 0;
  for (const p of [...row.points].sort((a, b) => a.seconds - b.seconds)) {
    const cx = x(p.seconds);
    nudge = cx - before < 8 ? (nudge === 0 ? -5 : -nudge) : 0;
    before = cx;
    out.push(`<circle class="dot" cx="${round(cx)}" cy="${y + nudge}" r="5">${tip(`${p.coe}: ${format(p.seconds)}`)}</circle>`);
  }
  // The marks go over the dots, so that a mark on a COE's value still shows.
  if (row.p90 !== null)
    out.push(`<g class="p90">${tip(`90th percentile: ${format(row.p90)}`)}${line(x(row.p90), y - 10, x(row.p90), y + 10, 'p90')}</g>`);
  if (row.median !== null)
    out.push(
      `<g class="median">${tip(`median: ${format(row.median)}`)}${line(x(row.median), y - 12, x(row.median), y + 12, 'median')}</g>`,
    );
  return `<g class="dot-row">${out.join('')}</g>`;
}

function legend(): string {
  return (
    '<g class="legend">' +
    `<circle class="dot" cx="${LEFT + 6}" cy="14" r="5"/>` +
    text(LEFT + 16, 18, 'a COE', 'class="label"') +
    line(LEFT + 84, 4, LEFT + 84, 24, 'median') +
    text(LEFT + 92, 18, 'median', 'class="label"') +
    line(LEFT + 164, 4, LEFT + 164, 24, 'p90') +
    text(LEFT + 172, 18, '90th percentile', 'class="label"') +
    text(RIGHT, 18, 'logarithmic scale', 'class="label" text-anchor="end"') +
    '</g>'
  );
}

/** The ladder's marks around the values, at most eight of them, the first and last kept. */
function ticksFor(values: number[]): [number, string][] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return LADDER.slice(0, 4);
  const least = Math.min(...positive);
  const below = LADDER.filter(([s]) => s <= least).length - 1;
  const first = Math.min(LADDER.length - 2, Math.max(0, below));
  let last = LADDER.findIndex(([s]) => s >= Math.max(...positive));
  if (last === -1) last = LADDER.length - 1;
  let ticks = LADDER.slice(first, Math.max(last, first + 1) + 1);
  while (ticks.length > 8) ticks = ticks.filter((_, i) => i % 2 === 0 || i === ticks.length - 1);
  return ticks;
}
