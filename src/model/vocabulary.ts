// The values the format gives names to, outside the frontmatter (format 3.5,
// 3.7): action item terms, statuses and reach, and dependency verdicts.

/** Action item terms: hours, days to weeks, systemic change. */
export const TERMS = ['short', 'mid', 'long'] as const;
export type Term = (typeof TERMS)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'validated', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Open work: the statuses an item can be overdue in. */
export const PENDING_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];

/** How far an action item carries its lesson, in order of effectiveness (format 3.7). */
export const REACHES = ['team', 'education', 'distributed', 'centralized'] as const;
export type Reach = (typeof REACHES)[number];

/** The "As promised" column of the dependency review. */
export const AS_PROMISED = ['yes', 'no', 'partly'] as const;

/** The "Failure mode" column of the dependency review. */
export const FAILURE_MODES = ['expected-handled', 'expected-unhandled', 'novel'] as const;

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The region `global` (any case): everywhere, so an incident in it breaks "Failures must not impact multiple regions". */
export function isGlobalRegion(region: string): boolean {
  return region.trim().toLowerCase() === 'global';
}

/** The tenets of format 6 that the incidents may break; configuration may add more. */
export const FORMAT_TENETS = [
  { id: 'detect-before-customers', sentence: 'Detect failures before customers do' },
  { id: 'single-region', sentence: 'Failures must not impact multiple regions' },
] as const;
