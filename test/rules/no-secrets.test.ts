// no-secrets: no credentials anywhere in the file (frontmatter, prose and
// code), only known shapes, never printed in full.
import dedent from 'dedent';
import { describe, expect, it } from 'vitest';
import rule, { anyPasswordInUrl } from '../../src/rules/no-secrets.js';
import { lintCase, prepare, ruleTester, type TestCase } from '../helpers/rule-tester.js';

const ID = 'no-secrets';
const MARK = ` {${ID}}`;

// Shaped like real credentials, made up for these tests.
const AWS_KEY_ID = 'AKIA4XQ7R2MZ3KJ6PLWE';
const AWS_SECRET = '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';
const GITHUB = 'ghp_' + 'Zr8kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUi';
const SLACK = 'xoxb-284615739021-5502846193047-kT9mQ2wX7vB4nL8cJ1hF6dSz';

// A sentence of prose, and a code block, alone in their section.
const prose = (sentence: string) => `## Detection\n\n### Was detection fast enough?\n\n${sentence}`;
const code = (...lines: string[]) => ['## Dependencies', '', 'None.', '', '```sh', ...lines, '```'].join('\n');

// A secret of every kind, in the frontmatter, inline code, prose and a code block.
const SECRETS = dedent`
  ---
  x-alerts: https://hooks.slack.com/services/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${MARK}
  ---

  ## Timeline

  - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
  - 14:12 — The on-call engineer queries the queue with \`curl -H 'Authorization: Bearer NyjOq9wMxEhh2FDEEtfjgVvVqE1SkHbn88HxjSI6' https://queue.internal/age\`.${MARK}
  - 14:30 — Status page notice posted; the bot used \`xoxb-996030824628-1948219935181-KdNnFRIBXuDL7DxtpYlSXpfK\`.${MARK}

  ## Dependencies

  The runbook example key AKIAIOSFODNN7EXAMPLE and the session eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvbmNhbGwiLCJpYXQiOjE3NTY5MDgwMDB9.tkwtDDb-xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjA were pasted here.${MARK}${MARK}

  \`\`\`sh
  export GITHUB_TOKEN=ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d${MARK}
  psql postgres://ledger:S3cr3t-Pass@ledger-db.internal:5432/ledger${MARK}
  password = "hunter2"${MARK}
  maps_api_key: AIzaSQedUStPKR0CsTy4Qwb8DwkNhFdnXsiVpzz${MARK}
  STRIPE_KEY=sk_live_63FfkCzJr4i0B3JrTAwR4y9o${MARK}
  -----BEGIN RSA PRIVATE KEY-----${MARK}
  MIIEowIBAAKCAQEAbWHtP3fS2qHx6kwXoIIXGvOoNZYW2mZp0zVZomHFwUbbYrEq
  AKIAMW2WXFOGO4MVN4A4
  -----END RSA PRIVATE KEY-----
  db.token: 9f8e7d6c5b4a${MARK}
  \`\`\`
`;

// The conformance case: an AWS key id and secret in one command.
const CONFORMANCE = `- 07:41 — Checked with \`AWS_ACCESS_KEY_ID=${AWS_KEY_ID} AWS_SECRET_ACCESS_KEY=${AWS_SECRET} aws ec2 describe-volumes\`.`;
const conformance = (mark = '') => `## Timeline\n\n- 2025-09-03 07:33 UTC — The volume fills.\n${CONFORMANCE}${mark}`;

// Known vendor shapes: one finding each.
const SHAPES = [
  `aws_secret_access_key = ${AWS_SECRET}`,
  'ASIAY34FZKBOKMUTVV7A',
  GITHUB,
  'github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234',
  'glpat-xY7kQ2mT5vX9wB4nL7cJ',
  'gho_' + 'Zr8kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUi',
  SLACK,
  'xapp-1-A0B1C2D3E4F-5678901234-kT9mQ2wX7vB4nL8cJ1hF6dSz',
  'sk-proj-kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8w',
  'https://hooks.slack.com/services/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',
  'AIzaSyD4kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8y',
  'sk_live_51HkQ2mT5vX9wB4nL7cJ1hF6d',
  'npm_kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZ',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbmNhbGwifQ.kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8',
  'Authorization: Bearer kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yU',
  // Patterns that ignore case, written in capitals: found as in lower case.
  'AUTHORIZATION: BEARER kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yU',
  `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
  'DefaultEndpointsProtocol=https;AccountName=ops;AccountKey=kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8kQ2mT5vX9wB4nL==',
  'redis://default:Xk29fLq7@cache.internal:6379',
  'password: "correct horse battery staple"',
  "DB_PASSWORD='hunter2'",
  'PGPASSWORD=hunter22',
  'api_key: 7f3a9c2e1b4d',
  '"client_secret": "q8Vt3nR0Lw7Z"',
];

// Random-looking strings alone, variables, masks and placeholders: no secret.
const MISSES = [
  '3f786850e387550fdab836ed7e6dc881de23001b',
  '9b2f3c1e-4d5a-4e6b-8c7d-0e1f2a3b4c5d',
  'dGhpcyBpcyBqdXN0IGEgYmFzZTY0IGJsb2Igd2l0aCBubyBrZXkgbmFtZQ==',
  'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'AKIA4XQ7R2MZ3KJ6PLWEXYZ',
  'sk_test_51HkQ2mT5vX9wB4nL7cJ1hF6d',
  'password: ${DB_PASSWORD}',
  'password = "$DB_PASSWORD"',
  'secret: <redacted>',
  'api_key = <your key>',
  'token: ****',
  'password = os.environ["DB_PASSWORD"]',
  'token = getenv("TOKEN")',
  'client_secret: {{ secrets.client }}',
  'AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY',
  'curl -H "Authorization: Bearer $TOKEN" https://queue.internal/age',
  'psql postgres://ledger@db.internal/ledger',
  'psql postgres://user:password@db.internal/ledger',
  'psql postgres://ledger:****@db.internal/ledger',
  'psql "postgres://ledger:${PGPASSWORD}@db.internal/ledger"',
  'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  'max_tokens: 4096',
  'token_count: 123456',
  'password_hash: 5f4dcc3b5aa765d61d8327deb882cf99',
];

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE', code: '' },
    {
      name: 'SHAs, UUIDs, base64 blobs, variables, masks and placeholders, in prose and code',
      code: dedent`
        ## Timeline

        - 2025-09-03 14:05 UTC — A configuration change halves the notification worker pool.
        - 14:30 — Deploy \`3f786850e387550fdab836ed7e6dc881de23001b\` (request 9b2f3c1e-4d5a-4e6b-8c7d-0e1f2a3b4c5d) rolled back.

        ## Dependencies

        Token: expired after 3600 seconds. The secret: nobody had rotated anything.

        \`\`\`sh
        password: \${DB_PASSWORD}
        api_key = <your key>
        secret: "<redacted>"
        token: ****
        AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY
        curl -H "Authorization: Bearer $TOKEN" https://queue.internal/age
        psql postgres://ledger@ledger-db.internal:5432/ledger
        psql postgres://user:password@ledger-db.internal/ledger
        psql postgres://ledger:****@ledger-db.internal/ledger
        psql "postgres://ledger:\${PGPASSWORD}@ledger-db.internal/ledger"
        GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        max_tokens: 4096
        token_count: 123456
        payload: dGhpcyBpcyBqdXN0IGEgYmFzZTY0IGJsb2Igd2l0aCBubyBrZXkgbmFtZQ==
        commit: 3f786850e387550fdab836ed7e6dc881de23001b
        \`\`\`
      `,
    },
    ...MISSES.map((miss) => ({ name: `no secret: ${miss}`, code: code(miss) })),
    {
      name: 'prose about tokens',
      code: prose('Token: expired after 3600 seconds. The secret: nobody rotated it. Password: reset on 2025-09-03.'),
    },
    {
      name: 'numbers, durations and file paths set like key = value',
      code: '## Customer summary\n\nWe ran `PWD=/srv/app ./restart.sh` with `max_token=4096`; the session token: 86400s lifetime.',
    },
  ],
  invalid: [
    { name: 'every secret: frontmatter, prose, inline code and code blocks; a private key block once', code: SECRETS },
    {
      name: 'the AWS key id and secret of the conformance case, masked',
      code: conformance(`${MARK}${MARK}`),
      messages: [
        /^An AWS access key id \("AKIA…"\) is in the document: remove it, and rotate/,
        /^An AWS secret access key \(".*…"\) .*remove it, and rotate/,
      ],
    },
    { name: 'an AWS example key in prose', code: prose(`The docs show AKIAIOSFODNN7EXAMPLE as a key id.${MARK}`) },
    { name: 'a secret in a code block', code: code(`export AWS_ACCESS_KEY_ID=${AWS_KEY_ID}${MARK}`) },
    { name: 'a secret in inline code', code: prose(`We ran \`gh auth login --with-token ${GITHUB}\`.${MARK}`) },
    ...SHAPES.map((shape) => ({ name: `a vendor shape: ${shape}`, code: code(`${shape}${MARK}`) })),
    {
      name: 'a private key block once, at its BEGIN line, and a secret after its END',
      code: code(
        `-----BEGIN OPENSSH PRIVATE KEY-----${MARK}`,
        'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2',
        `password=${AWS_KEY_ID}`,
        '-----END OPENSSH PRIVATE KEY-----',
        `token = "abc1234567"${MARK}`,
      ),
    },
    { name: 'a literal password in a frontmatter value', code: `---\nx-db-password: hunter22${MARK}\n---` },
  ],
});

const found = (test: TestCase) => {
  const { text } = prepare(rule, test);
  return { lines: text.split('\n'), messages: lintCase(rule, test, text) };
};

it('no-secrets reports the AWS key id and secret of the conformance case at their columns, never in full', () => {
  const { lines, messages } = found({ code: conformance() });
  const at = lines.indexOf(CONFORMANCE) + 1;
  expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
    [at, CONFORMANCE.indexOf(AWS_KEY_ID) + 1, CONFORMANCE.indexOf(AWS_KEY_ID) + 1 + AWS_KEY_ID.length],
    [at, CONFORMANCE.indexOf(AWS_SECRET) + 1, CONFORMANCE.indexOf(AWS_SECRET) + 1 + AWS_SECRET.length],
  ]);
  for (const m of messages) {
    expect(m.message).not.toContain(AWS_KEY_ID);
    expect(m.message).not.toContain(AWS_SECRET.slice(0, 8));
  }
});

it('no-secrets never prints a secret in full', () => {
  const { messages } = found({
    code: code(`export GITHUB_TOKEN=${GITHUB}`, `SLACK=${SLACK}`, 'password = "hunter2"', 'psql postgres://ledger:S3cr3tPass@db/ledger'),
  });
  expect(messages).toHaveLength(4);
  for (const secret of [GITHUB, SLACK, 'hunter2', 'S3cr3tPass']) {
    for (const m of messages) expect(m.message).not.toContain(secret);
  }
});

it('no-secrets reads a key as a reader sees it: through a character reference, a comment, emphasis or a tag', () => {
  const split = [
    'The leaked key AKIA&#73;OSFODNN7EXAMPLE was rotated.',
    'The leaked key AKIA<!-- -->IOSFODNN7EXAMPLE was rotated.',
    'The leaked key AKIA*IOSF*ODNN7EXAMPLE was rotated.',
    'The leaked key AKIA<span>IOSF</span>ODNN7EXAMPLE was rotated.',
    '| Key |\n| --- |\n| AKIA&#x49;OSFODNN7EXAMPLE |',
  ];
  for (const sentence of split) {
    const { lines, messages } = found({ code: prose(sentence) });
    const line = lines.findIndex((l) => l.includes('AKIA')) + 1;
    const column = lines[line - 1]!.indexOf('AKIA') + 1;
    expect([sentence, messages.map((m) => [m.ruleId, m.severity, m.line, m.column])]).toEqual([sentence, [[ID, 'error', line, column]]]);
  }
});

it('no-secrets reports a key written whole once, in prose and in inline code', () => {
  expect(found({ code: prose(`Key ${AWS_KEY_ID} and \`${AWS_KEY_ID}\`.`) }).messages).toHaveLength(2);
});

describe('no-secrets reads a key through a character reference in a block of HTML and in an alt text', () => {
  const hidden = [
    '<p>AKIA&#73;OSFODNN7EXAMPLE</p>',
    '<div>\nThe leaked key AKIA&#x49;OSFODNN7EXAMPLE was rotated.\n</div>',
    '- Rotated:\n\n  <p>AKIA&#73;OSFODNN7EXAMPLE</p>',
    '![AKIA&#73;OSFODNN7EXAMPLE](x.png)',
    'The console showed ![the key AKIA&#73;OSFODNN7EXAMPLE][shot] in full.\n\n[shot]: x.png',
  ];
  for (const sentence of hidden) {
    it(JSON.stringify(sentence), () => {
      const { lines, messages } = found({ code: prose(sentence) });
      const line = lines.findIndex((l) => l.includes('AKIA')) + 1;
      const column = lines[line - 1]!.indexOf('AKIA') + 1;
      expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([[ID, 'error', line, column]]);
    });
  }

  it('reads the words around an image without its alt text, which a reader does not see between them', () => {
    const sentence = 'The key AKIA&#73;OSFODNN7EXAMPLE![a diagram](x.png) was rotated.';
    const { lines, messages } = found({ code: prose(sentence) });
    const line = lines.indexOf(sentence) + 1;
    expect(messages.map((m) => [m.line, m.column])).toEqual([[line, sentence.indexOf('AKIA') + 1]]);
  });

  for (const sentence of [`<p>${AWS_KEY_ID} &amp; more</p>`, `![${AWS_KEY_ID} &amp; more](x.png)`]) {
    it(`reports a key written whole once: ${JSON.stringify(sentence)}`, () => {
      const { lines, messages } = found({ code: prose(sentence) });
      const line = lines.findIndex((l) => l.includes(AWS_KEY_ID)) + 1;
      const column = lines[line - 1]!.indexOf(AWS_KEY_ID) + 1;
      expect(messages.map((m) => [m.line, m.column])).toEqual([[line, column]]);
    });
  }
});

it('no-secrets reports a key after references that follow each other once, at its column', () => {
  const sentence = `The bot printed &lt;&copy;${GITHUB}&gt; and &amp; &#65;KIAIOSFODNN7EXAMPLE in full.`;
  const { lines, messages } = found({ code: prose(sentence) });
  const line = lines.indexOf(sentence) + 1;
  expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
    [line, sentence.indexOf(GITHUB) + 1, sentence.indexOf(GITHUB) + 1 + GITHUB.length],
    [line, sentence.indexOf('&#65;KIA') + 1, sentence.indexOf('EXAMPLE') + 1 + 'EXAMPLE'.length],
  ]);
});

describe('no-secrets reads a block of HTML as a browser shows it', () => {
  // [rule, severity, line, column, end line, end column] of each finding.
  const at = (sentence: string) => {
    const { messages } = found({ code: prose(sentence) });
    return messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn]);
  };
  // Where `text` starts in the document, as [line, column]; `after` skips to the end of it.
  const where = (sentence: string, text: string, after = false): [number, number] => {
    const lines = found({ code: prose(sentence) }).lines;
    const line = lines.findIndex((l) => l.includes(text));
    return [line + 1, lines[line]!.indexOf(text) + 1 + (after ? text.length : 0)];
  };

  const joined: [string, string, string][] = [
    ['a comment', '<p>AKIA<!-- -->IOSFODNN7EXAMPLE</p>', 'AKIA<'],
    ['an empty inline tag', '<div>AKIA<b></b>IOSFODNN7EXAMPLE</div>', 'AKIA<'],
    ['an inline tag around half of it', '<p>The key AKIA<span class="k">IOSFODNN7EXAMPLE</span> leaked.</p>', 'AKIA<'],
    ['a decimal reference without ";"', '<p>AKIA&#73OSFODNN7EXAMPLE</p>', 'AKIA&'],
    ['a hexadecimal reference without ";"', '<div>\nThe key AKIA&#x49OSFODNN7EXAMPLE leaked.\n</div>', 'AKIA&'],
  ];
  for (const [what, sentence, start] of joined) {
    it(`joins a key across ${what}: ${JSON.stringify(sentence)}`, () => {
      expect(at(sentence)).toEqual([[ID, 'error', ...where(sentence, start), ...where(sentence, 'EXAMPLE', true)]]);
    });
  }

  it('ends a finding after the reference its last character is written with', () => {
    for (const sentence of ['<p>The key AKIAIOSFODNN7EXAMPL&#69 leaked.</p>', 'The key AKIAIOSFODNN7EXAMPL&#x45; leaked.']) {
      expect(at(sentence)).toEqual([[ID, 'error', ...where(sentence, 'AKIA'), ...where(sentence, ' leaked')]]);
    }
  });

  it('reads a key split over two lines by an inline tag, from its start on one line to its end on the next', () => {
    const sentence = '<p>The key AKIAIOSF<span\nclass="k">ODNN7EXAMPLE</span> leaked.</p>';
    expect(at(sentence)).toEqual([[ID, 'error', ...where(sentence, 'AKIA'), ...where(sentence, 'EXAMPLE', true)]]);
  });

  it('places a key in a block quote and a list item at its columns, after the container prefix', () => {
    for (const sentence of ['> <p>AKIAIOSF<b\n> >ODNN7EXAMPLE</b></p>', '- Rotated:\n\n  <p>AKIAIOSF<b\n  >ODNN7EXAMPLE</b></p>']) {
      expect(at(sentence)).toEqual([[ID, 'error', ...where(sentence, 'AKIA'), ...where(sentence, 'EXAMPLE', true)]]);
    }
  });

  it('keeps two words apart across a tag that is not inline, which a reader sees apart', () => {
    for (const sentence of [
      '<p>AKIA</p><p>IOSFODNN7EXAMPLE</p>',
      '<div>AKIA<br>IOSFODNN7EXAMPLE</div>',
      '<table><tr><td>AKIA</td><td>IOSFODNN7EXAMPLE</td></tr></table>',
    ]) {
      expect([sentence, at(sentence)]).toEqual([sentence, []]);
    }
  });

  it('does not decode a reference without ";" in Markdown text, which shows it as written', () => {
    expect(at('The key AKIA&#73OSFODNN7EXAMPLE was rotated.')).toEqual([]);
  });

  it('still reads a key written with references in a comment or an attribute of the block', () => {
    for (const sentence of [
      '<p>Rotated. <!-- AKIA&#73;OSFODNN7EXAMPLE --></p>',
      '<p><img alt="AKIA&#73;OSFODNN7EXAMPLE" src="x.png"></p>',
    ]) {
      expect(at(sentence)).toEqual([[ID, 'error', ...where(sentence, 'AKIA&'), ...where(sentence, 'EXAMPLE', true)]]);
    }
  });

  it('finds nothing in ordinary HTML: a details block with a summary, a table', () => {
    const sentence = dedent`
      <details>
      <summary>Queue age during the incident</summary>

      The queue age peaked at 40 minutes at 14:52 UTC.

      </details>

      <table>
        <tr><th>Token</th><th>State</th></tr>
        <tr><td>webhook signing key</td><td>rotated &amp; revoked</td></tr>
        <tr><td>password</td><td>reset</td></tr>
      </table>
    `;
    expect(at(sentence)).toEqual([]);
  });
});

describe('no-secrets looks for a password in a URL only where a scheme ends at "://"', () => {
  // The detector's pattern, as a test of a whole text: what anyPasswordInUrl must answer.
  const PATTERN = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]+:(?<s>[^\s/?#@]+)@[^\s/?#@]/i;

  it.each([
    ['redis://default:Xk29fLq7@cache.internal:6379', true],
    ['HTTP://ops:Xk29fLq7@cache.internal', true],
    ['see (redis://default:Xk29fLq7@cache) and', true],
    ['x1redis://default:Xk29fLq7@cache', true],
    ['_redis://default:Xk29fLq7@cache', true],
    ['\u00e9redis://default:Xk29fLq7@cache', true],
    ['https://a.internal/x then redis://default:Xk29fLq7@cache', true],
    ['1redis://default:Xk29fLq7@cache', false],
    ['+redis://default:Xk29fLq7@cache', false],
    ['://default:Xk29fLq7@cache', false],
    ['https://queue.internal/age', false],
    ['redis://default:Xk29fLq7@ cache', false],
  ])('%j: %s', (text, found) => {
    expect(PATTERN.test(text)).toBe(found);
    expect(anyPasswordInUrl(text)).toBe(found);
  });

  it('answers as the pattern does on texts made of URL-like pieces', () => {
    // A URL with a password, piece by piece, each piece sometimes another.
    const URL = ['see ', 'redis', '://', 'default', ':', 'Xk29', '@', 'cache', '/x', ' '];
    const OTHERS = ['http', 'S3', '1', '+', '.', '-', '_', ':', '//', '://', 'u', '@', ' ', '/', '?', '#', '\u00e9', 'A', ''];
    let seed = 12345;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    let found = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let k = 1 + random(3); k > 0; k--) {
        for (const piece of URL) text += random(5) === 0 ? OTHERS[random(OTHERS.length)] : piece;
      }
      const expected = PATTERN.test(text);
      if (expected) found++;
      expect(anyPasswordInUrl(text), JSON.stringify(text)).toBe(expected);
    }
    // Enough of both answers to mean something.
    expect(found).toBeGreaterThan(2_000);
    expect(found).toBeLessThan(18_000);
  });
});
