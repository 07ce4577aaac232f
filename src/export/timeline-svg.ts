// The window of impact as a small inline SVG: a time axis, the impact as a
// band from start to mitigation, and a marker for each milestone.
import type { MilestoneEvent, Rca } from './schema.js';
import { clock, shortDay, spansDays } from './dates.js';
import { escapeHtml } from './escape.js';

const WIDTH = 720;
const HEIGHT = 150;
const LEFT = 24;
const RIGHT = WIDTH - 24;
const AXIS = 80;
const EDGE = 70; // closer than this to an edge, a label is anchored to that side

const SHORT_LABELS: Record<MilestoneEvent, string> = {
  start: 'Impact began',
  customer_notified: 'Customers notified',
  mitigated: 'Impact ended',
  resolved: 'Resolved',
};

export function timelineSvg(rca: Rca): string {
  const events = rca.timeline.map((e) => ({ ...e, at: Date.parse(e.time) }));
  const start = rca.impactWindow.start === null ? undefined : Date.parse(rca.impactWindow.start);
  const end = rca.impactWindow.end === null ? undefined : Date.parse(rca.impactWindow.end);
  const times = [...events.map((e) => e.at), ...(start === undefined ? [] : [start]), ...(end === undefined ? [] : [end])];
  if (times.length === 0) return '';

  const [lo, hi] = domain(Math.min(...times), Math.max(...times));
  const x = (t: number) => round(LEFT + ((t - lo) / (hi - lo)) * (RIGHT - LEFT));
  const withDay = spansDays(lo, hi);
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${LEFT}" y1="${AXIS}" x2="${RIGHT}" y2="${AXIS}"/>`);
  if (start !== undefined) {
    const x1 = x(start);
    const x2 = end === undefined ? RIGHT : Math.max(x(end), x1 + 2);
    parts.push(`<rect class="impact" x="${x1}" y="${AXIS - 14}" width="${round(x2 - x1)}" height="28" rx="3"/>`);
  }
  events.forEach((e, i) => {
    const ex = x(e.at);
    const above = i % 2 === 0;
    const anchor = ex < LEFT + EDGE ? 'start' : ex > RIGHT - EDGE ? 'end' : 'middle';
    const time = withDay ? `${shortDay(e.at)} ${clock(e.at)}` : clock(e.at);
    const [tickFrom, tickTo, timeY, labelY] = above ? [AXIS - 28, AXIS - 14, 46, 30] : [AXIS + 14, AXIS + 28, 122, 138];
    parts.push(
      `<g class="event ${e.milestone}">` +
        `<line class="tick" x1="${ex}" y1="${tickFrom}" x2="${ex}" y2="${tickTo}"/>` +
        `<circle cx="${ex}" cy="${AXIS}" r="5"/>` +
        `<text class="time" x="${ex}" y="${timeY}" text-anchor="${anchor}">${escapeHtml(time)}</text>` +
        `<text class="label" x="${ex}" y="${labelY}" text-anchor="${anchor}">${escapeHtml(SHORT_LABELS[e.milestone])}</text>` +
        `</g>`,
    );
  });
  const title = `Customer impact: ${rca.impactWindow.text} (UTC)`;
  return (
    `<svg class="impact-timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="impact-timeline-title" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="impact-timeline-title">${escapeHtml(title)}</title>` +
    parts.join('') +
    `</svg>`
  );
}

// The time range shown: the events with a margin, at least an hour wide.
function domain(min: number, max: number): [number, number] {
  const span = Math.max(max - min, 60 * 60_000);
  const middle = (min + max) / 2;
  const half = (span / 2) * 1.08;
  return [middle - half, middle + half];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
