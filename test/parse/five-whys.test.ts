// The five whys tree: depth, children, a node's own text and its references.
import { describe, expect, it } from 'vitest';
import { rootCauses, walkWhys } from '../../src/sections/five-whys.js';
import type { WhyNode } from '../../src/model/types.js';
import { parse } from './helpers.js';

// The example of section 3.3 of the format.
const EXAMPLE = `## Five whys

- 3% of order placement calls failed with HTTP 500 for 45 minutes.
  - Why? One of 100 hosts behind the load balancer returned HTTP 500.
    - Why? Its disk returned I/O errors.
      - Why? A storage impairment in one availability zone. → L3
    - Why did the health check not remove that host? It checked the
      process, not the disk. → L1
    - Why did one host in 100 cause 3% of the errors? Least-connections
      routing sends more traffic to a host that fails fast. → L2
  - Why did the impact last 45 minutes? No engineer was engaged for the
    first 30 minutes.
    - Why? The alarm paged a queue that nobody watched at night. → L4
`;

const shape = (node: WhyNode): unknown => [node.depth, node.textRange.start.line, node.children.map(shape)];

describe('five whys tree', () => {
  const whys = parse(EXAMPLE).whys!;

  it('reads the nested list as a tree with depths and children', () => {
    expect(whys.roots.map(shape)).toEqual([
      [
        0,
        3,
        [
          [
            1,
            4,
            [
              [2, 5, [[3, 6, []]]],
              [2, 7, []],
              [2, 9, []],
            ],
          ],
          [1, 11, [[2, 13, []]]],
        ],
      ],
    ]);
    expect(whys.range?.start.line).toBe(3);
  });

  it("takes a node's own text from its first paragraph, across lines", () => {
    const health = walkWhys(whys.roots).find((n) => n.text.startsWith('Why did the health check'));
    expect(health?.text).toBe('Why did the health check not remove that host? It checked the process, not the disk. → L1');
    expect([health?.textRange.start.line, health?.textRange.end.line]).toEqual([7, 8]);
  });

  it('lists the root causes: nodes with no children, below the problem', () => {
    expect(rootCauses(whys).map((n) => [n.depth, n.textRange.start.line])).toEqual([
      [3, 6],
      [2, 7],
      [2, 9],
      [2, 13],
    ]);
  });

  it('gives each node the references of its own text only', () => {
    expect(walkWhys(whys.roots).map((n) => n.references.map((r) => r.id))).toEqual([[], [], [], ['L3'], ['L1'], ['L2'], [], ['L4']]);
    const l1 = walkWhys(whys.roots)[4]!.references[0]!;
    expect(l1).toMatchObject({ kind: 'lesson', section: 'five-whys', range: { start: { line: 8, column: 32 } } });
  });

  it("does not count a reference in a second paragraph or a child as the node's own", () => {
    const text = [
      '## Five whys',
      '',
      '- 2 hosts failed.',
      '  - Why? A bad disk.',
      '',
      '    See AI-3 for the fix.',
      '',
      '    - Why? No check. → L1',
      '',
    ].join('\n');
    const nodes = walkWhys(parse(text).whys!.roots);
    expect(nodes.map((n) => [n.depth, n.references.map((r) => r.id)])).toEqual([
      [0, []],
      [1, []],
      [2, ['L1']],
    ]);
  });

  it('reads every top-level item as a root, across lists', () => {
    const text = '## Five whys\n\n- 3 hosts failed.\n- A second statement.\n\nText between.\n\n- A third list.\n';
    expect(parse(text).whys!.roots.map((n) => [n.depth, n.text])).toEqual([
      [0, '3 hosts failed.'],
      [0, 'A second statement.'],
      [0, 'A third list.'],
    ]);
  });

  it('has no roots when the section has no list', () => {
    const whys2 = parse('## Five whys\n\nWe did not do this yet.\n').whys!;
    expect(whys2.roots).toEqual([]);
    expect(whys2.range).toBeUndefined();
    expect(rootCauses(whys2)).toEqual([]);
  });

  it('reads ordered lists too', () => {
    const text = '## Five whys\n\n1. 40 orders failed.\n   1. Why? A timeout. → L1\n   2. Why? No retry. → L2\n';
    expect(rootCauses(parse(text).whys!).map((n) => n.references.map((r) => r.id))).toEqual([['L1'], ['L2']]);
  });
});
