// Lessons ids, action item columns, and which L<n> / AI-<n> tokens are
// references (and which are the definitions of ids).
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, lineOf } from '../helpers/lint.js';
import { parse } from './helpers.js';

describe('lesson ids', () => {
  const lessons = (items: string[]) => parse(`## Lessons\n\n${items.join('\n')}\n`).lessons!;

  it.each([
    ['- **L1:** Health checks must exercise the disk.', 'L1'],
    ['- L2: Alarms must page a person.', 'L2'],
    ['- L3. Capacity must be adjustable.', 'L3'],
    ['- L4 - Test the failover.', 'L4'],
    ['- **L5** — Own every certificate.', 'L5'],
    ['- *L12*: Two digits.', 'L12'],
    ['1. L6: In an ordered list.', 'L6'],
  ])('reads the id of "%s"', (item, id) => {
    const [lesson] = lessons([item]);
    expect(lesson?.id).toBe(id);
    expect(lesson?.text).not.toMatch(/^\W*L\d/);
  });

  it.each(['- Health checks must exercise the disk (L1).', '- L0: Ids start at 1.', '- Lesson 1: Not an id.'])(
    'reads no id in "%s"',
    (item) => {
      expect(lessons([item])[0]?.id).toBeUndefined();
    },
  );

  it.each(['- L1 Health checks, with no separator.', '- **L1** Health checks, with no separator.'])(
    'reads the id of "%s", and notes the missing separator',
    (item) => {
      expect(lessons([item]).map((l) => [l.id, l.separator, l.text])).toEqual([['L1', false, 'Health checks, with no separator.']]);
    },
  );

  it('places each lesson on its item', () => {
    expect(
      lessons(['- **L1:** One.', '- **L2:** Two,', '  on two lines.']).map((l) => [l.id, l.text, l.range.start.line, l.range.end.line]),
    ).toEqual([
      ['L1', 'One.', 3, 3],
      ['L2', 'Two, on two lines.', 4, 5],
    ]);
  });

  it('reads every list (lessons grouped under headings), and none when there is no list', () => {
    expect(lessons(['### Technical', '', '- L1: One.', '', '### Process', '', '- L2: Two.']).map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(parse('## Lessons\n\nNone yet.\n').lessons).toEqual([]);
  });
});

describe('action item columns', () => {
  const HEADER = '| ID | Action | Term | Owner | Due | Status | Lessons | Validation |';
  const table = (header: string, rows: string[]) =>
    parse(`## Action items\n\n${header}\n|${'---|'.repeat(header.split('|').length - 2)}\n${rows.join('\n')}\n`).actionItems!;

  it('reads the template columns and each row by column', () => {
    const model = table(HEADER, ['| AI-1 | Fix it | Short | team-a | 2025-10-01 | In-Progress | L1, L2 | Game day |']);
    expect(model.table?.columns).toEqual(['id', 'action', 'term', 'owner', 'due', 'status', 'lessons', 'validation']);
    expect(model.table?.missingColumns).toEqual([]);
    expect(model.table?.headerRange.start.line).toBe(3);
    const [item] = model.items;
    expect(item).toMatchObject({
      id: 'AI-1',
      action: 'Fix it',
      term: 'short',
      owner: 'team-a',
      due: '2025-10-01',
      status: 'in-progress',
      validation: 'Game day',
    });
    expect(item?.lessons.map((r) => [r.id, r.range.start.line])).toEqual([
      ['L1', 5],
      ['L2', 5],
    ]);
    expect(item?.range.start.line).toBe(5);
  });

  it('matches headers by name, case folded, in any order, with other columns ignored', () => {
    const model = table('| **Status** | # | What | Notes | Due date | Owners | Lesson | Verification | Term (short/mid/long) |', [
      '| open | AI-7 | Add a check | n/a | 2025-11-01 | ops | L3 | Tested | mid |',
    ]);
    expect(model.table?.columns).toEqual(['status', 'id', 'action', 'due', 'owner', 'lessons', 'validation', 'term']);
    expect(model.items[0]).toMatchObject({
      id: 'AI-7',
      action: 'Add a check',
      status: 'open',
      term: 'mid',
      owner: 'ops',
      validation: 'Tested',
    });
  });

  it('lists the missing columns and leaves their values empty', () => {
    const model = table('| ID | Action | Owner |', ['| AI-1 | Fix | ops |']);
    expect(model.table?.missingColumns).toEqual(['term', 'due', 'status', 'lessons', 'validation']);
    expect(model.items[0]).toMatchObject({ term: '', due: '', status: '', validation: '', lessons: [] });
  });

  it('has no table when the section holds none', () => {
    const model = parse('## Action items\n\n- AI-1: fix it\n').actionItems!;
    expect(model.table).toBeUndefined();
    expect(model.items).toEqual([]);
  });
});

describe('references', () => {
  const text = baseDocument();
  const doc = parse(text);
  const refs = () => doc.references.map((r) => [r.id, r.section, r.range.start.line]);

  it('finds L<n> and AI-<n> in the body, but not the ids that define a lesson or an action item', () => {
    expect(refs()).toEqual([
      ['L1', 'five-whys', lineOf(text, 'only one. → L1')],
      ['L2', 'five-whys', lineOf(text, 'run time. → L2')],
      ['L1', 'action-items', lineOf(text, '| AI-1 |')],
      ['L2', 'action-items', lineOf(text, '| AI-2 |')],
    ]);
  });

  it('counts L<n> as a lesson only where lessons are discussed, and AI-<n> anywhere but code', () => {
    const changed = edit(
      text,
      'No\nnotification was lost',
      'No L4 load balancer was involved, see AI-1 and `grep AI-9`. No\nnotification was lost',
    );
    const found = parse(changed).references.filter((r) => r.section === 'impact');
    expect(found.map((r) => [r.kind, r.id])).toEqual([['action', 'AI-1']]);
  });

  it('finds a reference inside a lesson, after its id', () => {
    const bold = parse(
      edit(text, '- **L1:** A setting must have one source of truth.', '- **L1:** A setting must have one source of truth (AI-1).'),
    );
    expect(bold.references.filter((r) => r.section === 'lessons').map((r) => r.id)).toEqual(['AI-1']);
    // The id written without bold shares its text node with the rest of the lesson.
    const plain = parse(
      edit(text, '- **L1:** A setting must have one source of truth.', '- L1: A setting must have one source of truth (AI-1).'),
    );
    expect(plain.references.filter((r) => r.section === 'lessons').map((r) => r.id)).toEqual(['AI-1']);
  });
});
