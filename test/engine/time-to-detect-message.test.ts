// detection-action's message must not contradict itself: a time to detect
// just over the goal is not rounded down to the goal.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf, lintString } from '../helpers/lint.js';

/** The detection-action findings of the base document detected at `detected` (start 14:05:00Z, goal 5 min). */
function detection(detected: string): [string, string, number, string][] {
  const text = edit(baseDocument(), 'detected: 2025-09-03T14:09:00Z', `detected: ${detected}`);
  return lintString(text, { now: '2025-09-10' })
    .filter((m) => m.ruleId === 'detection-action')
    .map((m) => [m.ruleId, m.severity, m.line, m.message]);
}

const AT = lineOf(baseDocument(), '## Detection');
const FIX = 'reference in the Detection section the action item (AI-<n>) that will detect this sooner';

describe('the time to detect in detection-action', () => {
  it('shows seconds when whole minutes would round it down to the goal', () => {
    expect(detection('2025-09-03T14:10:20Z')).toEqual([
      ['detection-action', 'error', AT, `Detection was slow: time to detect was 5 min 20 s, over the 5 min goal: ${FIX}`],
    ]);
    expect(detection('2025-09-03T14:10:00.4Z')).toEqual([
      ['detection-action', 'error', AT, `Detection was slow: time to detect was 5 min 1 s, over the 5 min goal: ${FIX}`],
    ]);
  });

  it('keeps whole minutes when they show it over the goal', () => {
    expect(detection('2025-09-03T14:10:40Z')).toEqual([
      ['detection-action', 'error', AT, `Detection was slow: time to detect was 6 min, over the 5 min goal: ${FIX}`],
    ]);
  });
});
