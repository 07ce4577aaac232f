import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectIds, frontmatterId, nextId } from '../../src/new/ids.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';

describe('nextId', () => {
  it('counts on exactly past ids longer than a double holds', () => {
    expect(nextId(['COE-2025-99999999999999999999999'], 'COE', '2025')).toBe('COE-2025-100000000000000000000000');
  });

  it('starts the year at 001', () => {
    expect(nextId([], 'COE', '2025')).toBe('COE-2025-001');
  });

  it('takes one more than the highest of the same prefix and year, past gaps', () => {
    const ids = ['COE-2025-001', 'COE-2025-007', 'COE-2025-003', 'COE-2024-020', 'INC-2025-050', 'COE-2025-x', 'COE-20251-009'];
    expect(nextId(ids, 'COE', '2025')).toBe('COE-2025-008');
    expect(nextId(ids, 'COE', '2024')).toBe('COE-2024-021');
    expect(nextId(ids, 'INC', '2025')).toBe('INC-2025-051');
    expect(nextId(ids, 'COE', '2026')).toBe('COE-2026-001');
  });

  it('goes past 999', () => {
    expect(nextId(['COE-2025-999'], 'COE', '2025')).toBe('COE-2025-1000');
  });
});

describe('frontmatterId', () => {
  it('reads the id of the frontmatter', () => {
    expect(frontmatterId('---\ncoe: 1\nid: COE-2025-004\n---\n\n# T\n')).toBe('COE-2025-004');
    expect(frontmatterId('\uFEFF---\r\nid: "COE-2025-005"\r\n---\r\n# T\r\n')).toBe('COE-2025-005');
  });

  it('finds no id where there is no frontmatter, or no string id in it', () => {
    expect(frontmatterId('# Title\n\nid: COE-2025-004\n')).toBeUndefined();
    expect(frontmatterId('Text\n\n---\nid: COE-2025-004\n---\n')).toBeUndefined();
    expect(frontmatterId('---\nid: [unclosed\n---\n')).toBeUndefined();
    expect(frontmatterId('---\nid: 42\n---\n')).toBeUndefined();
    expect(frontmatterId('---\nid: COE-2025-001\n')).toBeUndefined();
  });

  it('reads the id of a frontmatter with a YAML error elsewhere, which a new COE must not take', () => {
    expect(frontmatterId('---\ncoe: 1\nid: COE-2025-002\ntitle: Checkout: errors: at night\n---\n')).toBe('COE-2025-002');
    expect(frontmatterId('---\nid: COE-2025-120\nid: COE-2025-121\n---\n')).toBe('COE-2025-121');
    // The parser reads on past an unclosed list: an id it finds is taken too.
    expect(frontmatterId('---\ntitle: [unclosed\nid: COE-2025-003\n---\n')).toBe('COE-2025-003');
  });
});

describe('collectIds', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every Markdown document in the folder and below, whatever its name', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'coe-ids-'));
    mkdirSync(path.join(dir, 'archive'));
    writeFileSync(path.join(dir, 'notes.md'), '---\ncoe: 1\nid: COE-2025-009\n---\n');
    writeFileSync(path.join(dir, 'archive', 'old.markdown'), '---\nid: COE-2025-002\n---\n');
    writeFileSync(path.join(dir, 'README.md'), '# Read me\n');
    writeFileSync(path.join(dir, 'data.txt'), '---\nid: COE-2025-050\n---\n');
    return collectIds(dir, DEFAULT_CONFIG).then((owners) => {
      expect(owners).toEqual([
        { id: 'COE-2025-002', file: path.join('archive', 'old.markdown') },
        { id: 'COE-2025-009', file: 'notes.md' },
      ]);
    });
  });

  it('passes over what ignore names, relative to the configuration folder, as coe lint does', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'coe-ids-'));
    const docs = path.join(dir, 'docs', 'coe');
    mkdirSync(path.join(docs, 'drafts'), { recursive: true });
    writeFileSync(path.join(docs, 'a.md'), '---\nid: COE-2025-001\n---\n');
    writeFileSync(path.join(docs, 'drafts', 'b.md'), '---\nid: COE-2025-002\n---\n');
    const scan = (ignore: string[]) => collectIds(docs, { ...DEFAULT_CONFIG, ignore, base: dir }).then((o) => o.map((x) => x.id));
    expect(await scan(['docs/coe/drafts/**'])).toEqual(['COE-2025-001']);
    // Relative to the docs folder it names nothing there.
    expect(await scan(['drafts/**'])).toEqual(['COE-2025-001', 'COE-2025-002']);
  });
});
