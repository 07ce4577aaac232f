// The operations meeting's pack (format 6), a pure function of the COEs, the
// date and the configuration. Counts, phase durations and tenets are about
// the COEs in the window; action items, their reach and the review queue are
// followed across every COE, since an item from last year is still open.
import type { ReportConfig } from '../config/config.js';
import { CUSTOMER_DRIVEN, STATUSES, type Milestone } from '../model/frontmatter-schema.js';
import { FORMAT_TENETS, PENDING_STATUSES, REACHES, isGlobalRegion, isOneOf, type Reach } from '../model/vocabulary.js';
import type { Portfolio, PortfolioAction, PortfolioCoe } from '../portfolio/types.js';
import { inWindow as windowOf } from '../portfolio/window.js';
import { DAY_MS, parseDay } from '../util/time.js';
import { REPORT_VERSION, type ActionRef, type Count, type Phase, type Report, type Stats } from './schema.js';
import { ascending, median, nearestRank } from './stats.js';
import { byDueOrder } from '../actions/ledger.js';

export interface ReportOptions {
  /** YYYY-MM-DD */
  now: string;
  since?: string;
  until?: string;
  config: ReportConfig;
}

export const CAVEAT =
  'Counts show how readily teams write COEs, not how reliable a service is: a team that writes a COE for every ' +
  'incident has more of them than one that writes none. Durations are shown as medians and percentiles, never ' +
  'means, which a few long incidents would drag anywhere; a trend needs at least 10 COEs on each side.';

const PHASE_DEFS: { id: Phase; label: string; from: Milestone; to: Milestone }[] = [
  { id: 'time-to-detect', label: 'Time to detect', from: 'start', to: 'detected' },
  { id: 'time-to-engage', label: 'Time to engage', from: 'detected', to: 'engaged' },
  { id: 'time-to-mitigate', label: 'Time to mitigate', from: 'start', to: 'mitigated' },
  { id: 'duration', label: 'Duration', from: 'start', to: 'resolved' },
];

/** A trend compares halves of at least this many COEs each. */
export const TREND_MIN = 10;
const LARGEST = 3;

export function buildReport(portfolio: Portfolio, options: ReportOptions): Report {
  const now = parseDay(options.now)!;
  const all = withOneSpelling(portfolio.coes);
  const { coes: inWindow, unplaced } = windowOf(all, options.since, options.until);
  const titles: Record<string, string> = {};
  for (const coe of all) titles[coe.id] = coe.title;
  return {
    kind: 'coe-report',
    version: REPORT_VERSION,
    now: options.now,
    window: { since: options.since ?? null, until: options.until ?? null, coes: idsOf(inWindow), unplaced: idsOf(unplaced) },
    unreadable: portfolio.unreadable,
    duplicates: portfolio.duplicates,
    caveat: CAVEAT,
    counts: {
      bySeverity: countBy(inWindow, (c) => [c.severity === undefined ? 'unknown' : String(c.severity)], severityOrder),
      byService: countBy(inWindow, (c) => c.services),
      byDetectedBy: countBy(inWindow, (c) => [c.detectedBy ?? 'unknown']),
      byTag: countBy(inWindow, (c) => c.tags),
      byStatus: countBy(inWindow, (c) => [c.status ?? 'unknown'], statusOrder),
      perWeek: perWeek(inWindow),
    },
    phases: PHASE_DEFS.map((def) => ({
      id: def.id,
      label: def.label,
      from: def.from,
      to: def.to,
      overall: statsOf(inWindow, def),
      bySeverity: severities(inWindow).map((severity) => ({
        severity,
        stats: statsOf(
          inWindow.filter((c) => (c.severity ?? null) === severity),
          def,
        ),
      })),
    })),
    trend: trendOf(inWindow),
    tenets: tenetsOf(inWindow, options.config),
    recurrence: { days: options.config.recurrenceDays, groups: recurrence(inWindow, options.config.recurrenceDays) },
    actions: actionsOf(all, now, options),
    reach: reachOf(inWindow),
    reviewQueue: reviewQueue(all, now),
    titles,
  };
}

const dayOf = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const idsOf = (coes: PortfolioCoe[]) => unique(coes.map((c) => c.id));
const unique = <T>(values: T[]) => [...new Set(values)];
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A service or tag written in other cases in other COEs ("Orders-API",
// "orders-api") is one, as lint and export read it: it is counted once and
// joins recurrences, under the spelling most COEs use (then the first in order).
function withOneSpelling(coes: PortfolioCoe[]): PortfolioCoe[] {
  const services = spellings(coes.flatMap((c) => unique(c.services)));
  const tags = spellings(coes.flatMap((c) => unique(c.tags)));
  return coes.map((c) => ({
    ...c,
    services: c.services.map((s) => services.get(sameName(s))!),
    tags: c.tags.map((t) => tags.get(sameName(t))!),
  }));
}

const sameName = (name: string) => name.trim().toLowerCase();

function spellings(names: string[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const name of names) uses.set(name, (uses.get(name) ?? 0) + 1);
  const chosen = new Map<string, string>();
  for (const [name] of [...uses].sort(([a, x], [b, y]) => y - x || compare(a, b))) {
    if (!chosen.has(sameName(name))) chosen.set(sameName(name), name);
  }
  return chosen;
}

/** The list a map holds at a key, made when there is none. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

// Most first, then by key; `order` puts keys with a natural order (severities, statuses) in it.
function countBy(coes: PortfolioCoe[], keys: (coe: PortfolioCoe) => string[], order?: (a: string, b: string) => number): Count[] {
  const byKey = new Map<string, string[]>();
  for (const coe of coes) for (const key of unique(keys(coe))) listIn(byKey, key).push(coe.id);
  const counts = [...byKey].map(([key, ids]) => ({ key, count: ids.length, coes: ids }));
  return counts.sort((a, b) => (order ? order(a.key, b.key) : b.count - a.count || compare(a.key, b.key)));
}

const severityOrder = (a: string, b: string) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : Number(a) - Number(b));
const statusOrder = (a: string, b: string) => rank(STATUSES, a) - rank(STATUSES, b);
const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);

function severities(coes: PortfolioCoe[]): (number | null)[] {
  return unique(coes.map((c) => c.severity ?? null)).sort((a, b) => (a ?? 99) - (b ?? 99));
}

function statsOf(coes: PortfolioCoe[], def: { from: Milestone; to: Milestone }): Stats {
  const known: { coe: string; seconds: number }[] = [];
  const unknown: string[] = [];
  for (const coe of coes) {
    const [from, to] = [coe.times[def.from], coe.times[def.to]];
    if (from === undefined || to === undefined) unknown.push(coe.id);
    else known.push({ coe: coe.id, seconds: Math.round((to - from) / 1000) });
  }
  const sorted = ascending(known.map((k) => k.seconds));
  const values = [...known].sort((a, b) => a.seconds - b.seconds || compare(a.coe, b.coe));
  const largest = [...known].sort((a, b) => b.seconds - a.seconds || compare(a.coe, b.coe)).slice(0, LARGEST);
  return {
    n: known.length,
    unknown,
    median: median(sorted),
    p90: nearestRank(sorted, 90),
    max: sorted.at(-1) ?? null,
    largest,
    values,
    coes: known.map((k) => k.coe),
  };
}

// ISO weeks from the first COE's to the last's, with the weeks that have none.
function perWeek(coes: PortfolioCoe[]): Count[] {
  const starts = coes.filter((c) => c.times.start !== undefined).sort((a, b) => a.times.start! - b.times.start!);
  if (starts.length === 0) return [];
  const byWeek = new Map<string, string[]>();
  for (const coe of starts) {
    const week = isoWeek(coe.times.start!);
    listIn(byWeek, week).push(coe.id);
  }
  const out: Count[] = [];
  for (let t = mondayOf(starts[0]!.times.start!); t <= starts.at(-1)!.times.start!; t += 7 * DAY_MS) {
    const week = isoWeek(t);
    const ids = byWeek.get(week) ?? [];
    out.push({ key: week, count: ids.length, coes: ids });
  }
  return out;
}

function mondayOf(ms: number): number {
  const day = dayOf(ms);
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/** YYYY-Www, ISO 8601: weeks begin on Monday, and week 1 holds the year's first Thursday. */
export function isoWeek(ms: number): string {
  const thursday = mondayOf(ms) + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// Median time to mitigate in the first and the second half of the window, by start.
function trendOf(coes: PortfolioCoe[]): Report['trend'] {
  const known = coes
    .filter((c) => c.times.start !== undefined && c.times.mitigated !== undefined)
    .sort((a, b) => a.times.start! - b.times.start! || compare(a.id, b.id));
  const half = Math.floor(known.length / 2);
  if (half < TREND_MIN) return null;
  const side = (list: PortfolioCoe[]) => ({
    n: list.length,
    median: median(ascending(list.map((c) => Math.round((c.times.mitigated! - c.times.start!) / 1000))))!,
    coes: list.map((c) => c.id),
  });
  return { phase: 'time-to-mitigate', first: side(known.slice(0, half)), second: side(known.slice(known.length - half)) };
}

function tenetsOf(coes: PortfolioCoe[], config: ReportConfig): Report['tenets'] {
  const [customers, regions] = FORMAT_TENETS;
  const breaching = (test: (coe: PortfolioCoe) => boolean) => coes.filter(test).map((c) => c.id);
  return [
    { ...customers, breached: breaching((c) => c.detectedBy !== undefined && CUSTOMER_DRIVEN.includes(c.detectedBy)), of: coes.length },
    {
      ...regions,
      breached: breaching((c) => distinctRegions(c) >= 2 || c.regions.some(isGlobalRegion)),
      of: coes.length,
    },
    ...config.tenets.map((t) => ({
      id: t.id,
      sentence: t.sentence,
      breached: breaching((c) => c.tags.some((tag) => sameName(tag) === sameName(t.tag))),
      of: coes.length,
    })),
  ];
}

// "eu-west-1" written twice (or "EU-West-1") is still one region.
function distinctRegions(coe: PortfolioCoe): number {
  return new Set(coe.regions.map((r) => r.trim().toLowerCase())).size;
}

// Groups of COEs joined by `related`, or by a shared service and tag with
// starts `days` apart or less. COEs are bucketed by service and tag, so the
// cost grows with the pairs that recur, not with every pair.
function recurrence(coes: PortfolioCoe[], days: number): Report['recurrence']['groups'] {
  const parent = new Map(coes.map((c) => [c.id, c.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const reasons = new Map<string, { a: string; b: string; reason: string }>();
  // A reason is kept for each join that merges two groups: a group of n COEs
  // is explained by n - 1 reasons, however many of its pairs recur.
  const join = (a: PortfolioCoe, b: PortfolioCoe, reason: string) => {
    const [ra, rb] = [find(a.id), find(b.id)];
    if (ra === rb) return;
    reasons.set(`${a.id} ${b.id}`, { a: a.id, b: b.id, reason });
    parent.set(ra, rb);
  };
  const byId = new Map(coes.map((c) => [c.id, c]));
  for (const coe of coes) {
    for (const id of coe.related) {
      const other = byId.get(id);
      if (other && other !== coe) join(coe, other, `${coe.id} names ${other.id} as related`);
    }
  }
  const buckets = new Map<string, PortfolioCoe[]>();
  for (const coe of coes) {
    if (coe.times.start === undefined) continue;
    for (const service of unique(coe.services)) {
      for (const tag of unique(coe.tags)) listIn(buckets, `${service}\0${tag}`).push(coe);
    }
  }
  for (const key of [...buckets.keys()].sort()) {
    const [service, tag] = key.split('\0') as [string, string];
    const list = buckets.get(key)!.sort((x, y) => x.times.start! - y.times.start! || compare(x.id, y.id));
    list.forEach((a, i) => {
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        const apart = (dayOf(b.times.start!) - dayOf(a.times.start!)) / DAY_MS;
        if (apart > days) break;
        join(a, b, `${a.id} and ${b.id} share ${service} and the tag ${tag}, ${apart} days apart`);
      }
    });
  }
  const groups = new Map<string, PortfolioCoe[]>();
  for (const coe of coes) listIn(groups, find(coe.id)).push(coe);
  const groupReasons = new Map<string, string[]>();
  for (const { a, reason } of reasons.values()) listIn(groupReasons, find(a)).push(reason);
  const startOf = (c: PortfolioCoe) => c.times.start ?? Infinity;
  return [...groups]
    .filter(([, g]) => g.length > 1)
    .map(([root, g]) => ({ root, coes: g.sort((a, b) => startOf(a) - startOf(b) || compare(a.id, b.id)) }))
    .sort((x, y) => startOf(x.coes[0]!) - startOf(y.coes[0]!) || compare(x.coes[0]!.id, y.coes[0]!.id))
    .map(({ root, coes: g }) => ({ coes: g.map((c) => c.id), reasons: (groupReasons.get(root) ?? []).sort() }));
}

function actionsOf(coes: PortfolioCoe[], now: number, options: ReportOptions): Report['actions'] {
  const items = coes.flatMap((c) => c.actions);
  const coeOf = new Map(coes.map((c) => [c.id, c]));
  const due = (a: PortfolioAction) => (a.due === undefined ? undefined : parseDay(a.due));
  const pending = items.filter((a) => isOneOf(PENDING_STATUSES, a.status));
  const days = (ms: number) => Math.round(ms / DAY_MS);
  const overdue = pending.filter((a) => due(a) !== undefined && due(a)! < now).map((a) => refOf(a, days(now - due(a)!)));
  const soonLimit = now + options.config.dueSoonDays * DAY_MS;
  const dueSoon = pending
    .filter((a) => due(a) !== undefined && due(a)! >= now && due(a)! <= soonLimit)
    .map((a) => refOf(a, days(due(a)! - now)));
  const since = options.since ? parseDay(options.since)! : -Infinity;
  const until = Math.min(options.until ? parseDay(options.until)! : Infinity, now);
  const dueInWindow = items.filter((a) => due(a) !== undefined && due(a)! >= since && due(a)! <= until && a.status !== 'dropped');
  // An open item's age: since its COE was resolved, or began when it is not resolved.
  const born = (a: PortfolioAction) => {
    const coe = coeOf.get(a.coeId);
    return coe?.times.resolved ?? coe?.times.start;
  };
  const aged = pending.filter((a) => born(a) !== undefined).map((a) => refOf(a, Math.max(0, days(now - dayOf(born(a)!)))));
  const ages = ascending(aged.map((a) => a.days!));
  const countItems = (key: (a: PortfolioAction) => string, order?: readonly string[]) => {
    const byKey = new Map<string, Set<string>>();
    const n = new Map<string, number>();
    for (const a of items) {
      const k = key(a);
      n.set(k, (n.get(k) ?? 0) + 1);
      byKey.set(k, (byKey.get(k) ?? new Set()).add(a.coeId));
    }
    const counts = [...n].map(([k, count]) => ({ key: k, count, coes: [...byKey.get(k)!] }));
    return counts.sort((a, b) => (order ? rank(order, a.key) - rank(order, b.key) : 0) || b.count - a.count || compare(a.key, b.key));
  };
  return {
    total: items.length,
    byStatus: countItems((a) => a.status || 'unknown', ['open', 'in-progress', 'done', 'validated', 'dropped']),
    byTerm: countItems((a) => a.term || 'unknown', ['short', 'mid', 'long']),
    byOwner: countItems((a) => a.owner || 'unknown'),
    byReach: countItems((a) => a.reach || 'none', [...REACHES, 'none']),
    overdue: overdue.sort((a, b) => b.days! - a.days! || byDueOrder(a, b)),
    dueSoon: dueSoon.sort(byDueOrder),
    dueSoonDays: options.config.dueSoonDays,
    awaitingValidation: items
      .filter((a) => a.status === 'done')
      .map((a) => refOf(a, null))
      .sort(byDueOrder),
    dueInWindow: {
      n: dueInWindow.length,
      completed: dueInWindow.filter((a) => a.status === 'validated' || a.status === 'done').length,
      coes: unique(dueInWindow.map((a) => a.coeId)),
    },
    openAge: {
      n: ages.length,
      median: median(ages),
      max: ages.at(-1) ?? null,
      oldest: aged.sort((a, b) => b.days! - a.days! || byDueOrder(a, b)).slice(0, 5),
    },
  };
}

function refOf(a: PortfolioAction, days: number | null): ActionRef {
  return { coe: a.coeId, id: a.id, action: a.action, owner: a.owner, due: a.due ?? null, status: a.status, reach: a.reach || null, days };
}

// The widest Reach of each COE's action items (dropped ones carry no lesson).
function reachOf(coes: PortfolioCoe[]): Report['reach'] {
  const perCoe = coes.map((coe) => {
    const reaches = coe.actions.filter((a) => a.status !== 'dropped' && isOneOf(REACHES, a.reach)).map((a) => a.reach as Reach);
    const widest = reaches.sort((a, b) => REACHES.indexOf(b) - REACHES.indexOf(a))[0] ?? null;
    return { coe: coe.id, widest };
  });
  const beyond = perCoe.filter((c) => c.widest !== null && c.widest !== 'team').map((c) => c.coe);
  return { perCoe, beyondTeam: { k: beyond.length, n: coes.length, coes: beyond } };
}

function reviewQueue(coes: PortfolioCoe[], now: number): Report['reviewQueue'] {
  const age = (coe: PortfolioCoe) =>
    coe.times.resolved === undefined ? null : Math.max(0, Math.round((now - dayOf(coe.times.resolved)) / DAY_MS));
  // Not resolved yet: after those that are, the earliest start first.
  const start = (coe: PortfolioCoe) => coe.times.start ?? Number.POSITIVE_INFINITY;
  const oldestFirst = (a: PortfolioCoe, b: PortfolioCoe) =>
    (age(b) ?? -1) - (age(a) ?? -1) || (start(a) === start(b) ? 0 : start(a) < start(b) ? -1 : 1) || compare(a.id, b.id);
  return {
    pending: coes
      .filter((c) => c.status === 'draft' || c.status === 'review')
      .sort(oldestFirst)
      .map((c) => ({ coe: c.id, title: c.title, status: c.status!, days: age(c) })),
    noCustomerSummary: coes
      .filter((c) => c.times.customer_notified !== undefined && !c.hasCustomerSummary)
      .sort(oldestFirst)
      .map((c) => ({ coe: c.id, title: c.title, days: age(c) })),
  };
}
