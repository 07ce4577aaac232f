// Before each test, let the event loop turn once. vitest's worker waits for
// its runner's replies with a fixed 60 s timeout, and a reply is read only
// when the loop reaches its poll phase: a file of long synchronous tests
// (the property tests, runs of spawnSync) would never get there, and the
// run would fail with "Timeout calling onTaskUpdate" though every test passed.
import { beforeEach } from 'vitest';

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
