import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString } from '../helpers/lint.js';

const RULE = 'no-secrets';
const of = (text: string) => findingsOf(lintString(text), RULE);
const messagesOf = (text: string) => lintString(text).filter((m) => m.ruleId === RULE);

// Shaped like real credentials, made up for these tests.
const AWS_KEY_ID = 'AKIA4XQ7R2MZ3KJ6PLWE';
const AWS_SECRET = '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';
const GITHUB = 'ghp_' + 'Zr8kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUi';
const SLACK = 'xoxb-284615739021-5502846193047-kT9mQ2wX7vB4nL8cJ1hF6dSz';

// A sentence of the Detection section, and a place for a code block.
const PROSE = 'Yes. Queue age is the delay merchants see';
const inProse = (snippet: string) => edit(baseDocument(), PROSE, `${snippet} ${PROSE}`);
const inCode = (code: string) => edit(baseDocument(), '## Lessons', `\`\`\`sh\n${code}\n\`\`\`\n\n## Lessons`);
const proseLine = lineOf(baseDocument(), PROSE);
const codeLine = lineOf(baseDocument(), '## Lessons') + 1;

describe('no-secrets', () => {
  it('passes the base document', () => {
    expect(of(baseDocument())).toEqual([]);
  });

  it('passes SHAs, UUIDs, base64 blobs, variables, masks and placeholders', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/pass.md`), RULE)).toEqual([]);
  });

  it('reports every secret of the fixture, in frontmatter, prose, inline code and code blocks', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/fail.md`), RULE)).toEqual([
      [RULE, 'error', 11], // Slack webhook in an x- frontmatter key
      [RULE, 'error', 42], // Authorization: Bearer in inline code
      [RULE, 'error', 43], // Slack bot token in inline code
      [RULE, 'error', 77], // AWS example key id in prose
      [RULE, 'error', 77], // JSON Web Token in prose
      [RULE, 'error', 80], // GitHub token
      [RULE, 'error', 81], // password in a URL
      [RULE, 'error', 82], // password = "hunter2"
      [RULE, 'error', 83], // Google API key
      [RULE, 'error', 84], // Stripe live key
      [RULE, 'error', 85], // private key block, once (not again for the AKIA inside it)
      [RULE, 'error', 89], // db.token: literal
    ]);
  });

  it('reports the AWS key id and secret of the conformance case at their columns, masked', () => {
    const line = `- 07:41 — Checked with \`AWS_ACCESS_KEY_ID=${AWS_KEY_ID} AWS_SECRET_ACCESS_KEY=${AWS_SECRET} aws ec2 describe-volumes\`.`;
    const text = edit(baseDocument(), '- 14:30 — Status page notice posted.', line);
    const messages = messagesOf(text);
    const at = lineOf(text, '07:41');
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [at, line.indexOf(AWS_KEY_ID) + 1, line.indexOf(AWS_KEY_ID) + 1 + AWS_KEY_ID.length],
      [at, line.indexOf(AWS_SECRET) + 1, line.indexOf(AWS_SECRET) + 1 + AWS_SECRET.length],
    ]);
    for (const m of messages) {
      expect(m.message).not.toContain(AWS_KEY_ID);
      expect(m.message).not.toContain(AWS_SECRET.slice(0, 8));
      expect(m.message).toMatch(/remove it.*rotate/);
    }
    expect(messages[0]!.message).toContain('"AKIA…"');
  });

  it('never prints a secret in full', () => {
    const text = inCode([`export GITHUB_TOKEN=${GITHUB}`, `SLACK=${SLACK}`, 'password = "hunter2"', 'psql postgres://ledger:S3cr3tPass@db/ledger'].join('\n'));
    const messages = messagesOf(text);
    expect(messages).toHaveLength(4);
    for (const secret of [GITHUB, SLACK, 'hunter2', 'S3cr3tPass']) {
      for (const m of messages) expect(m.message).not.toContain(secret);
    }
  });

  it('reports an AWS example key in prose', () => {
    expect(of(inProse('The docs show AKIAIOSFODNN7EXAMPLE as a key id.'))).toEqual([[RULE, 'error', proseLine]]);
  });

  it('reports secrets inside a fenced code block and inline code alike', () => {
    expect(of(inCode(`export AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`))).toEqual([[RULE, 'error', codeLine]]);
    expect(of(inProse(`We ran \`gh auth login --with-token ${GITHUB}\`.`))).toEqual([[RULE, 'error', proseLine]]);
  });

  it('reports known vendor shapes, one finding each', () => {
    const shapes = [
      `aws_secret_access_key = ${AWS_SECRET}`,
      'ASIAY34FZKBOKMUTVV7A',
      GITHUB,
      'github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234',
      'glpat-xY7kQ2mT5vX9wB4nL7cJ',
      SLACK,
      'https://hooks.slack.com/services/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',
      'AIzaSyD4kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8y',
      'sk_live_51HkQ2mT5vX9wB4nL7cJ1hF6d',
      'npm_kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZ',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbmNhbGwifQ.kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8',
      'Authorization: Bearer kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yU',
      'DefaultEndpointsProtocol=https;AccountName=ops;AccountKey=kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8kQ2mT5vX9wB4nL7cJ1hF6dS3gA0pE8yUiOxZr8kQ2mT5vX9wB4nL==',
      'redis://default:Xk29fLq7@cache.internal:6379',
      'password: "correct horse battery staple"',
      "DB_PASSWORD='hunter2'",
      'PGPASSWORD=hunter22',
      'api_key: 7f3a9c2e1b4d',
      '"client_secret": "q8Vt3nR0Lw7Z"',
    ];
    for (const shape of shapes) {
      expect([shape, of(inCode(shape))]).toEqual([shape, [[RULE, 'error', codeLine]]]);
    }
  });

  it('reports a private key block once, at its BEGIN line', () => {
    const block = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2', `password=${AWS_KEY_ID}`, '-----END OPENSSH PRIVATE KEY-----', 'token = "abc1234567"'];
    expect(of(inCode(block.join('\n')))).toEqual([
      [RULE, 'error', codeLine],
      [RULE, 'error', codeLine + 4],
    ]);
  });

  it('reports a literal password in a frontmatter value', () => {
    const text = edit(baseDocument(), 'regions: [us-east-2]\n', 'regions: [us-east-2]\nx-db-password: hunter22\n');
    expect(of(text)).toEqual([[RULE, 'error', lineOf(text, 'x-db-password')]]);
  });

  it('does not take random-looking strings alone for secrets', () => {
    const misses = [
      '3f786850e387550fdab836ed7e6dc881de23001b',
      '9b2f3c1e-4d5a-4e6b-8c7d-0e1f2a3b4c5d',
      'dGhpcyBpcyBqdXN0IGEgYmFzZTY0IGJsb2Igd2l0aCBubyBrZXkgbmFtZQ==',
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'AKIA4XQ7R2MZ3KJ6PLWEXYZ',
      'sk_test_51HkQ2mT5vX9wB4nL7cJ1hF6d',
    ];
    for (const miss of misses) expect([miss, of(inCode(miss))]).toEqual([miss, []]);
  });

  it('does not take variables, masks or placeholders for passwords and tokens', () => {
    const misses = [
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
    for (const miss of misses) expect([miss, of(inCode(miss))]).toEqual([miss, []]);
  });

  it('does not take prose about tokens for a token', () => {
    expect(of(inProse('Token: expired after 3600 seconds. The secret: nobody rotated it. Password: reset on 2025-09-03.'))).toEqual([]);
  });
});

describe('no-secrets: settings that look like key = value', () => {
  it('passes numbers, durations and file paths', () => {
    const text = edit(baseDocument(), '## Customer summary\n', '## Customer summary\n\nWe ran `PWD=/srv/app ./restart.sh` with `max_token=4096`; the session token: 86400s lifetime.\n');
    expect(findingsOf(lintString(text), 'no-secrets')).toEqual([]);
  });
});
