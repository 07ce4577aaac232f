// A worker collects its young generation between two files when it is more
// than half full (engine/young-generation.ts), with the gc() that
// `--expose-gc` gives it; elsewhere there is no gc() and nothing is done.
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';

const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!;
const g = globalThis as { gc?: unknown };

// Objects until the young generation is more than half full.
function fillYoungGeneration(): unknown[] {
  const kept: unknown[] = [];
  while (young().space_used_size <= young().space_available_size) kept.push(Array.from({ length: 64 }, (_, i) => ({ i })));
  return kept;
}

async function loadWith(gc: ((options: { type: string }) => void) | undefined) {
  vi.resetModules();
  g.gc = gc;
  return import('../../src/engine/young-generation.js');
}

afterEach(() => {
  delete g.gc;
});

describe('collectBetweenFiles', () => {
  it('collects the young generation (a minor collection) when more than half of it is used', async () => {
    const gc = vi.fn();
    const { collectBetweenFiles } = await loadWith(gc);
    fillYoungGeneration();
    collectBetweenFiles();
    expect(gc).toHaveBeenCalledWith({ type: 'minor' });
  });

  it('leaves a young generation at most half used alone', async () => {
    const gc = vi.fn();
    const { collectBetweenFiles } = await loadWith(gc);
    const used = young();
    // A process without gc(): nothing to collect with, and nothing is called.
    if (used.space_used_size > used.space_available_size) collectBetweenFiles();
    gc.mockClear();
    vi.spyOn(v8, 'getHeapSpaceStatistics').mockReturnValue([
      { ...used, space_name: 'new_space', space_used_size: 1, space_available_size: 2 },
    ]);
    collectBetweenFiles();
    expect(gc).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('does nothing in a process without gc() (not a worker)', async () => {
    const { collectBetweenFiles } = await loadWith(undefined);
    fillYoungGeneration();
    expect(() => collectBetweenFiles()).not.toThrow();
  });
});
