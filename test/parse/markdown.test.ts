// The parser's dependency patches (patches/, applied by `npm ci`): without
// them the parse is about a third slower, and nothing else would notice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node } from 'unist';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { subtokenize } from 'micromark-util-subtokenize';
import { parse, postprocess, preprocess } from 'micromark';
import { Lexer, Parser, parseAllDocuments } from 'yaml';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { parseMarkdown } from '../../src/parse/markdown.js';

const require = createRequire(import.meta.url);

// Each leaf of the tree as "type:value", in order.
function textsOf(tree: Node): string[] {
  const texts: string[] = [];
  const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (typeof node.value === 'string') texts.push(`${node.type}:${node.value}`);
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
  return texts;
}

describe('mdast-util-from-markdown, as patched', () => {
  it('looks the handler of each event up in a Map of token types, not in an object of some hundred keys', () => {
    const source = readFileSync(path.join(path.dirname(require.resolve('mdast-util-from-markdown')), 'lib/index.js'), 'utf8');
    expect(source).toContain('const enterHandlers = new Map(Object.entries(config.enter))');
    expect(source).not.toContain('own.call(handler, events[index][1].type)');
    // An extension's handler for a token type is still called, and the
    // built-in one of a type it does not handle too.
    const seen: string[] = [];
    const tree = fromMarkdown('# One\n', {
      mdastExtensions: [{ exit: { atxHeadingSequence: () => void seen.push('sequence') } }],
    });
    expect(seen).toEqual(['sequence']);
    expect(textsOf(tree)).toEqual(['text:One']);
  });

  it('hands every event to its handler with one context, not a copy each', () => {
    const contexts = new Set<unknown>();
    // A token with no handler of its own, so the tree is left as it is.
    const record = {
      enter: {
        atxHeadingSequence(this: unknown) {
          contexts.add(this);
        },
      },
    };
    const tree = fromMarkdown('# One\n\n## Two\n\n### Three\n', { mdastExtensions: [record] });
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'heading', 'heading']);
    expect(contexts.size).toBe(1);
  });

  it('makes one compiler for each list of extensions, not one per document', () => {
    const configs = new Set<unknown>();
    const record = {
      enter: {
        atxHeadingSequence(this: { config: unknown }) {
          configs.add(this.config);
        },
      },
    };
    const extensions = [record];
    fromMarkdown('# One\n', { mdastExtensions: extensions });
    fromMarkdown('# Two\n', { mdastExtensions: extensions });
    expect(configs.size).toBe(1);
    fromMarkdown('# Three\n', { mdastExtensions: [record] });
    expect(configs.size).toBe(2);
  });

  it('still gives each document its own compile data', () => {
    const datas = new Set<unknown>();
    const extensions = [
      {
        enter: {
          atxHeadingSequence: function (this: { data: unknown }) {
            datas.add(this.data);
          },
        },
      },
    ];
    fromMarkdown('# One\n', { mdastExtensions: extensions });
    fromMarkdown('# Two\n', { mdastExtensions: extensions });
    expect(datas.size).toBe(2);
    // A setext heading and a reference leave their marks in the data; the next document reads as if alone.
    const alone = parseMarkdown('Text [b][c]\n\n[c]: /u\n');
    parseMarkdown('Heading\n===\n\n[x][y] and ![i][j]\n');
    expect(parseMarkdown('Text [b][c]\n\n[c]: /u\n')).toEqual(alone);
  });

  it('still gives each handler the text of its own token', () => {
    const tree = parseMarkdown('---\ncoe: 1\n---\n\n# A *b*\n\n| c | d |\n|---|---|\n| `e` | f |\n\n- g\n- h\n');
    expect(textsOf(tree)).toEqual(['yaml:coe: 1', 'text:A ', 'text:b', 'text:c', 'text:d', 'inlineCode:e', 'text:f', 'text:g', 'text:h']);
  });
});

describe('micromark-util-subtokenize, as patched', () => {
  it('keeps its jumps in a Map, not in an object keyed by event index, and adds to it without a map of its own', () => {
    expect(subtokenize.toString()).toContain('jumps.get(index)');
    expect(subtokenize.toString()).toContain('subcontent(events, index, jumps)');
    expect(subtokenize.toString()).not.toContain('Object.assign(jumps');
  });

  it('copies the events back item by item, not as the arguments of a splice', () => {
    expect(subtokenize.toString()).toContain('copyInto(eventsArray, events.slice(0))');
    const tree = parseMarkdown('a\n\n- b\n- c\n\n| d |\n|---|\n| e |\n');
    expect(textsOf(tree)).toEqual(['text:a', 'text:b', 'text:c', 'text:d', 'text:e']);
  });

  it('makes a pass over the events only while the last one put in content to split, not one more to find none', () => {
    const passes = (markdown: string) => {
      const events = parse({})
        .document()
        .write(preprocess()(markdown, undefined, true));
      let count = 1;
      while (!subtokenize(events)) count++;
      return count;
    };
    // Each pass splits one level of content (flow, text, a link's strings); the unpatched package made one more that found none.
    expect(passes('a *b*\n')).toBe(2);
    expect(passes('[a](b "c")\n')).toBe(3);
    expect(passes('# h\n\n- x\n')).toBe(2);
    expect(passes('')).toBe(1);
  });

  it('still splits paragraphs, lists and table cells into their inline content', () => {
    const tree = parseMarkdown('- a *b*\n  c\n\n> d `e`\n\n| f | g |\n|---|---|\n| h **i** | j |\n\nk\nl\n');
    expect(textsOf(tree)).toEqual([
      'text:a ',
      'text:b',
      'text:\nc',
      'text:d ',
      'inlineCode:e',
      'text:f',
      'text:g',
      'text:h ',
      'text:i',
      'text:j',
      'text:k\nl',
    ]);
  });
});

describe('micromark and its constructs, as patched', () => {
  // The keys of micromark's patched enter(), in its order.
  const TOKEN_KEYS = [
    'type',
    'start',
    'end',
    'contentType',
    'previous',
    'next',
    '_tokenizer',
    '_container',
    '_open',
    '_close',
    '_inactive',
    '_balanced',
    '_isInFirstContentOfListItem',
    '_spread',
  ];

  // Every token of a document after micromark resolved it: those that enter()
  // made, and those that resolvers made (emphasis, links, headings, table cells).
  function tokensOf(markdown: string): { type: string; keys: string[] }[] {
    const events = postprocess(
      parse({ extensions: [gfmTable()] })
        .document()
        .write(preprocess()(markdown, undefined, true)),
    );
    return events.map(([, token]) => ({ type: token.type, keys: Object.keys(token) }));
  }

  it('gives every token the same keys in the same order, wherever it is made', () => {
    const markdown = [
      '# A *heading* with `code`',
      '',
      'Setext',
      '===',
      '',
      'Text with *emphasis*, **strong**, [a link](https://example.com "t") and ![an image][ref].  ',
      'A hard break above, a [reference][ref].',
      '',
      '> - a list in a quote',
      '>   1. nested',
      '',
      '| a | b |',
      '|:--|--:|',
      '| *c* | d |',
      '',
      '```js',
      'code',
      '```',
      '',
      '[ref]: https://example.com',
      '',
    ].join('\n');
    const tokens = tokensOf(markdown);
    const types = new Set(tokens.map((t) => t.type));
    for (const made of [
      'emphasis',
      'strong',
      'link',
      'image',
      'label',
      'labelText',
      'atxHeadingText',
      'setextHeading',
      'table',
      'tableBody',
      'tableHeader',
      'tableData',
      'tableContent',
    ]) {
      expect(types).toContain(made);
    }
    for (const token of tokens) {
      // The table's token alone gets its alignment too, after the others.
      const keys = token.type === 'table' ? token.keys.filter((k) => k !== '_align') : token.keys;
      expect({ type: token.type, keys }).toEqual({ type: token.type, keys: TOKEN_KEYS });
    }
  });

  it("keeps an extension's own fields on the tokens it enters, after the common keys", () => {
    // A text construct: "%" as a token of its own, with a field of its own.
    const percent: Construct = {
      name: 'coePercent',
      tokenize(effects: Effects, ok: State): State {
        return (code: Code) => {
          effects.enter('coePercent' as never, { _coeField: 7, contentType: undefined } as never);
          effects.consume(code);
          effects.exit('coePercent' as never);
          return ok;
        };
      },
    };
    const events = postprocess(
      parse({ extensions: [gfmTable(), { text: { 37: percent } }] })
        .document()
        .write(preprocess()('a % b\n', undefined, true)),
    );
    const token = events.map(([, t]) => t as unknown as Record<string, unknown>).find((t) => t.type === 'coePercent');
    expect(token).toMatchObject({ type: 'coePercent', _coeField: 7 });
    expect(Object.keys(token!)).toEqual([...TOKEN_KEYS, '_coeField']);
  });

  it('gives every tokenizer context the fields its constructs set later, from the start', () => {
    const context = parse({ extensions: [gfmTable()] }).document();
    expect(Object.keys(context)).toEqual(expect.arrayContaining(['currentConstruct', 'interrupt', 'concrete', '_labelStarts']));
  });
});

describe('micromark, as patched', () => {
  // A flow construct that never matches, recording how each try sees the tokenizer.
  function tries(markdown: string) {
    const seen: { self: Record<string, unknown>; events: unknown; interrupt: unknown; proto: object | null; marked: unknown }[] = [];
    const construct: Construct = {
      tokenize(this: TokenizeContext, _effects: Effects, _ok: State, nok: State): State {
        const self = this as unknown as Record<string, unknown>;
        seen.push({
          self,
          events: self.events,
          interrupt: self.interrupt,
          proto: Object.getPrototypeOf(self) as object | null,
          marked: self.coeMark,
        });
        // Written through a view, it stays on the view.
        if (self.interrupt === true) self.coeMark = true;
        return (code: Code) => nok(code);
      },
    };
    const tree = fromMarkdown(markdown, { extensions: [{ flow: { null: [construct] } }] });
    return { seen, tree };
  }

  it('runs an interrupting construct through a view of the tokenizer, not an object whose prototype it is', () => {
    const { seen } = tries('one\ntwo\n');
    const interrupting = seen.filter((s) => s.interrupt === true);
    expect(interrupting.length).toBeGreaterThan(0);
    for (const s of interrupting) {
      // With Object.create(context), the prototype was the tokenizer, with its events.
      expect(s.proto).toBe(Object.prototype);
      expect(Array.isArray(s.events)).toBe(true);
      expect('parser' in s.self).toBe(true);
    }
  });

  it('keeps what such a construct writes to itself, as a prototype would, off the tokenizer', () => {
    const { seen, tree } = tries('one\ntwo\n\n- three\nfour\n\nfive\n');
    const interrupting = seen.filter((s) => s.interrupt === true);
    const plain = seen.filter((s) => s.interrupt !== true);
    expect(interrupting.length).toBeGreaterThan(0);
    expect(plain.length).toBeGreaterThan(1);
    expect(plain.map((s) => s.marked)).toEqual(plain.map(() => undefined));
    expect(interrupting.every((s) => s.self.coeMark === true)).toBe(true);
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'list', 'paragraph']);
  });

  it('combines the constructs once for each list of extensions, and still gives each document its own parser', () => {
    const extensions = [gfmTable()];
    const [one, two] = [parse({ extensions }), parse({ extensions })];
    expect(one.constructs).toBe(two.constructs);
    expect(one).not.toBe(two);
    expect(one.defined).not.toBe(two.defined);
    expect(one.lazy).not.toBe(two.lazy);
    // Another list is combined on its own: its constructs are its own.
    const plain = parse({ extensions: [] });
    expect(plain.constructs).not.toBe(one.constructs);
    const table = expect.arrayContaining([expect.objectContaining({ name: 'table' })]);
    expect(one.constructs.flow.null).toEqual(table);
    expect(plain.constructs.flow.null ?? []).not.toEqual(table);
  });
});

describe('micromark, as patched: a run of characters consumed at once', () => {
  it('has the document, flow, content and text tokenizers take a run at once where they read on to a line ending or a break', () => {
    const source = (pkg: string, file: string) => readFileSync(path.join(path.dirname(require.resolve(pkg)), file), 'utf8');
    const micromark = path.dirname(require.resolve('micromark'));
    const initialize = (name: string) => readFileSync(path.join(micromark, 'lib/initialize', name), 'utf8');
    expect(initialize('document.js')).toContain('effects.consumeRun(code)');
    expect(initialize('content.js')).toContain('effects.consumeRun(code)');
    expect(initialize('text.js')).toContain('effects.consumeRun(code, runEnds)');
    expect(source('micromark-core-commonmark', 'lib/content.js')).toContain('effects.consumeRun(code)');
  });

  it('consumes up to the first character that stops the run, or to the end of the chunk, and moves the point past it', () => {
    const calls: Code[] = [];
    const ends: { column: number; offset: number; previous: Code }[] = [];
    // A flow construct that takes its line in runs that stop before each "x".
    const construct: Construct = {
      name: 'coeRun',
      tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
        const run: State = (code) => {
          calls.push(code);
          if (code === null || code < 0) {
            if (code !== null && code > -3) return nok(code);
            effects.exit('coeRun' as never);
            return ok(code);
          }
          (effects as Effects & { consumeRun(code: Code, stop?: (code: number) => boolean): undefined }).consumeRun(
            code,
            (next) => next === 120,
          );
          ends.push({ column: this.now().column, offset: this.now().offset, previous: this.previous });
          return run;
        };
        return (code) => {
          if (code !== 97) return nok(code);
          effects.enter('coeRun' as never);
          return run(code);
        };
      },
    };
    const tree = fromMarkdown('abxcxxd\n', { extensions: [{ flow: { 97: [construct] } }] });
    // One call for "ab", one for each "x" and what follows it up to the next, and the line ending.
    expect(calls).toEqual([97, 120, 120, 120, -4]);
    expect(ends).toEqual([
      { column: 3, offset: 2, previous: 98 },
      { column: 5, offset: 4, previous: 99 },
      { column: 6, offset: 5, previous: 120 },
      { column: 8, offset: 7, previous: 100 },
    ]);
    expect(tree.position?.end).toMatchObject({ line: 2, column: 1, offset: 8 });
  });

  it('still ends a run of text where a construct may start, whatever comes before it', () => {
    // An escaped backtick and a backtick right after another start no code span; "_" inside a word starts no emphasis.
    const tree = parseMarkdown('a\\``b` c ``d`e`` f_g_ *h*\n');
    const leaves: unknown[] = [];
    const visit = (node: Node & { value?: string; children?: Node[] }) => {
      if (typeof node.value === 'string') leaves.push([node.type, node.value, node.position!.start.column, node.position!.end.column]);
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    // As the unpatched parser read it.
    expect(leaves).toEqual([
      ['text', 'a`', 1, 4],
      ['inlineCode', 'b', 4, 7],
      ['text', ' c ', 7, 10],
      ['inlineCode', 'd`e', 10, 17],
      ['text', ' f_g_ ', 17, 23],
      ['text', 'h', 24, 25],
    ]);
  });

  it('still places every text at its line, column and offset, through tabs, CRLF, references and containers', () => {
    const tree = parseMarkdown('a *b* c\td\r\ne &amp; `f`\n\n> g\th\n> i\n\n- j k\n  l\n\n    code\tx\n');
    const places: unknown[] = [];
    const visit = (node: Node & { value?: string; children?: Node[] }) => {
      const { start, end } = node.position!;
      if (typeof node.value === 'string')
        places.push([node.type, node.value, start.line, start.column, start.offset, end.line, end.column, end.offset]);
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    // As the unpatched parser placed them.
    expect(places).toEqual([
      ['text', 'a ', 1, 1, 0, 1, 3, 2],
      ['text', 'b', 1, 4, 3, 1, 5, 4],
      ['text', ' c\td\r\ne & ', 1, 6, 5, 2, 9, 19],
      ['inlineCode', 'f', 2, 9, 19, 2, 12, 22],
      ['text', 'g\th\ni', 4, 3, 26, 5, 4, 33],
      ['text', 'j k\nl', 7, 3, 37, 8, 4, 44],
      ['text', 'code\tx', 10, 5, 50, 10, 11, 56],
    ]);
  });
});

describe('micromark-extension-gfm-table, as patched', () => {
  // The table construct, counting the head rows it begins to tokenize.
  function headRows(markdown: string) {
    const table = (gfmTable().flow as Record<string, Construct>).null!;
    let heads = 0;
    const counting: Construct = {
      ...table,
      tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
        const enter: Effects['enter'] = (type, fields) => {
          if (type === 'tableHead') heads++;
          return effects.enter(type, fields);
        };
        return table.tokenize.call(this, { ...effects, enter }, ok, nok);
      },
    };
    const tree = fromMarkdown(markdown, { extensions: [{ flow: { null: [counting] } }], mdastExtensions: [gfmTableFromMarkdown()] });
    return { heads, types: tree.children.map((n) => n.type) };
  }

  it('knows which lines of the document may be a delimiter row, counted as micromark counts lines', () => {
    // The patched parse takes the document as its second argument, which micromark's types do not know.
    const parseWhole = parse as (options: object, value?: string) => unknown;
    const rows = (value: string, count: number) => {
      const { _delimiterRowLines: lines } = parseWhole({}, value) as { _delimiterRowLines: number[] };
      return Array.from({ length: count }, (_, i) => lines[i + 1] === 1);
    };
    // Dashes, pipes, colons, spaces and tabs, with a dash, after block quote markers and indents.
    expect(rows('| a |\n|---|\n> --|--\n  :-: | -\n\t-|-\n-\n', 7)).toEqual([false, true, true, true, true, true, false]);
    // A word with a dash is none, nor a line of pipes alone, nor one with anything else on it.
    expect(rows('on-call\n| |\n--|-- x\n---|', 4)).toEqual([false, false, false, true]);
    // CR, LF and CRLF each end a line.
    expect(rows('a\r-\r\nb\n-|-\r\r--', 6)).toEqual([false, true, false, true, false, true]);
    expect((parse({}) as unknown as { _delimiterRowLines: unknown })._delimiterRowLines).toBeUndefined();
  });

  it('does not tokenize a line as a head row when the line after it cannot be a delimiter row', () => {
    // Before, each line of the paragraph was tokenized cell by cell, then given up.
    expect(headRows('a | b\nc | d\ne | f\n')).toEqual({ heads: 0, types: ['paragraph'] });
    expect(headRows('a | b\nc | d\n-- | --\n').types).toEqual(['paragraph', 'table']);
    expect(headRows('an on-call | page\nfrom cell-router | hosts\n').heads).toBe(0);
    expect(headRows('x\na | b\n--- | ---\nc | d\n').heads).toBeGreaterThan(0);
  });

  it('still finds tables with any line ending, in containers and after other lines', () => {
    const types = (markdown: string) => headRows(markdown).types;
    expect(types('a | b\r\n-|-\r\nc | d')).toEqual(['table']);
    expect(types('a | b\r-|-\rc | d\r')).toEqual(['table']);
    expect(types('> a | b\n> --|--\n')).toEqual(['blockquote']);
    expect(types('- a | b\n  -|-\n')).toEqual(['list']);
    expect(fromMarkdown('> a | b\n> --|--\n', { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })).toMatchObject({
      children: [{ type: 'blockquote', children: [{ type: 'table' }] }],
    });
    expect(types('a\n---\n| a |\n| - |\n')).toEqual(['heading', 'table']);
    expect(types('a | b\n\n-|-\n')).toEqual(['paragraph', 'paragraph']);
  });
});

describe('yaml, as patched', () => {
  // What the unpatched package gave for frontmatter of the examples and YAML
  // of every kind (flow and block collections, scalars of each style,
  // anchors, tags, directives, several documents, and errors).
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/yaml/tokens.json', import.meta.url), 'utf8')) as {
    cases: { input: string; tokens: string[]; split: string[]; cst: unknown[]; docs: { js: unknown; errors: string[] }[] }[];
  };
  const generators = (proto: object) =>
    Object.getOwnPropertyNames(proto).filter((name) => {
      const value = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      return typeof value === 'function' && value.constructor.name === 'GeneratorFunction';
    });

  it('reads LOG_TOKENS from the environment once, not for each token', () => {
    const next = (Parser.prototype as unknown as { _next: () => void })._next.toString();
    expect(next).toContain('LOG_TOKENS');
    expect(next).not.toContain('env.LOG_TOKENS');
  });

  it('lexes and parses with plain methods that push tokens onto an array, not a generator for each method', () => {
    expect(generators(Lexer.prototype)).toEqual([]);
    // parse() stays a generator: it takes a whole stream, and coe does not call it.
    expect(generators(Parser.prototype)).toEqual(['parse']);
    expect(Object.prototype.toString.call(new Lexer().lex('a: 1\n'))).toBe('[object Array Iterator]');
    expect(Object.prototype.toString.call(new Parser().next('a'))).toBe('[object Array Iterator]');
  });

  it('gives the tokens, syntax tree and documents the unpatched package gave', () => {
    expect(fixture.cases.length).toBeGreaterThan(40);
    for (const c of fixture.cases) {
      expect([...new Lexer().lex(c.input)], c.input).toEqual(c.tokens);
      const lexer = new Lexer();
      const half = c.input.length >> 1;
      expect([...lexer.lex(c.input.slice(0, half), true), ...lexer.lex(c.input.slice(half), false)], c.input).toEqual(c.split);
      expect(JSON.parse(JSON.stringify([...new Parser().parse(c.input)])), c.input).toEqual(c.cst);
      const docs = parseAllDocuments(c.input, { logLevel: 'error' }).map((d) => {
        let js: unknown;
        try {
          js = d.toJS();
        } catch (error) {
          js = `throws: ${(error as Error).message}`;
        }
        return { js: JSON.parse(JSON.stringify(js) ?? 'null'), errors: d.errors.map((e) => e.code) };
      });
      expect(docs, c.input).toEqual(JSON.parse(JSON.stringify(c.docs)));
    }
  });

  it('parses frontmatter token by token as the unpatched package did, from next() and end()', () => {
    for (const c of fixture.cases) {
      const parser = new Parser();
      const tokens = [...c.tokens.flatMap((t) => [...parser.next(t)]), ...parser.end()];
      expect(JSON.parse(JSON.stringify(tokens)), c.input).toEqual(c.cst);
    }
  });
});
