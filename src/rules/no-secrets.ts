// No credentials anywhere in the file: frontmatter, prose and code alike (a
// key pasted in a runbook snippet leaks as surely as one in a sentence).
// Only known shapes are reported: a vendor prefix, a key block, or a literal
// next to a key name. A random-looking string alone (a git SHA, a UUID, a
// base64 blob) is not a secret.
import dedent from 'dedent';
import * as z from 'zod';
import type { Nodes } from 'mdast';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { CoeDocument, Point } from '../model/types.js';
import { joinLeaves, renderedLeaves, type JoinedText } from '../model/text.js';
import { htmlReferenceAt } from '../util/character-references.js';
import { escapeRegExp } from '../util/regex.js';

interface Detector {
  /** What the secret is, for the message. */
  label: string;
  /** Matches on one line, with the `d` flag; group `s` (when present) is the secret itself. */
  pattern: RegExp;
  /** What to do besides removing it. */
  fix: string;
  /** Skip values that are placeholders or variables, not literals. */
  literal?: (value: string, match: RegExpExecArray) => boolean;
  /** How many leading characters the message may show. */
  reveal?: number;
  /**
   * Every match holds one of these as written (in any case, for a pattern
   * that ignores case): a text that holds none is not searched. Looking for
   * a few characters is far cheaper than running a pattern that begins with
   * a look-behind at every position.
   */
  holds?: string[];
  /** The same answer as the pattern's test of a whole text, found sooner. */
  test?: (text: string) => boolean;
}

const ROTATE = 'rotate the credential now: it has leaked to everyone who can read this file or its history';
const CHANGE_PASSWORD = 'change the password now: it has leaked to everyone who can read this file or its history';

// Values that stand for a secret without being one. A password in a URL or a
// `password:`/`token:` value is not reported when it is:
//   a variable or template: $VAR, ${VAR}, %s, {{ var }}, <password>, <your key>, [redacted];
//   a mask: ****, xxxx, one character repeated, "…";
//   an expression that reads it: os.environ[…], process.env.X, getenv(…), vault:…, arn:aws:secretsmanager:…;
//   a word that names the field: password, secret, token, redacted, changeme, example, none, null, …
const PLACEHOLDER_WORDS = new Set(
  'password passwd pass pwd secret token apikey api_key api-key key redacted placeholder changeme example dummy fake none null nil undefined true false hidden masked omitted removed required optional string value'.split(
    ' ',
  ),
);

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^(?:[$%<]|\{\{)/.test(v)) return true;
  if (/^(?:<.*>|\{.*\}|\[.*\]|\(.*\))$/.test(v)) return true;
  if (/^(.)\1*$/u.test(v) || /^[*xX\u2022.\u2026_-]+$/u.test(v)) return true;
  if (/[()[\]]/.test(v)) return true;
  if (/redact/i.test(v) || /^(?:your|my|the|some)[_-]/i.test(v)) return true;
  if (/^(?:process\.env|os\.environ|env[.:[]|secrets?\.|vault:|ssm:|arn:aws:(?:secretsmanager|ssm)|!Ref|!Sub|!GetAtt)/i.test(v))
    return true;
  return PLACEHOLDER_WORDS.has(v.toLowerCase());
}

// A `password:`/`token:` value: a quoted literal or one set with `=` is a
// value; after a bare `:` it must look like one (a digit, 6 characters or
// more), since prose writes "Token: expired" too.
function literalValue(value: string, match: RegExpExecArray): boolean {
  if (isPlaceholder(value)) return false;
  // A date ("Token: 2025-09-03 …") or a link is not the secret itself.
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d|$)/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  // A number or a duration ("max_token=4096", "token: 86400s") or a file path ("PWD=/srv/app") is a setting, not a secret.
  if (/^\d+(?:\.\d+)?[a-z]{0,3}$/i.test(value) || /^(?:~|\.{1,2})?\//.test(value)) return false;
  const quoted = match.groups?.quoted !== undefined;
  const assigned = match.groups?.sep === '=';
  return quoted || assigned || (value.length >= 6 && /\d/.test(value));
}

const notPlaceholder = (value: string) => !isPlaceholder(value);
// A documentation mask ("ghp_xxxxxxxx…", "xoxb-0000-XXXX") is not a live token:
// after the vendor prefix it holds two distinct characters or fewer.
const notMask = (value: string) => {
  const body = value.replace(/^[A-Za-z]+(?:[_-][A-Za-z]+)*[_-]/, '').replace(/[_-]/g, '');
  return new Set(body).size > 2;
};

const KEY_NAME = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|secret[_-]?key|token|api[_-]?key|apikey)`;

// Most specific first: where two detectors find the same characters, the first wins.
const DETECTORS: Detector[] = [
  {
    label: 'An AWS access key id',
    pattern: /(?<![A-Za-z0-9])(?<s>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])/dg,
    holds: ['AKIA', 'ASIA'],
    fix: ROTATE,
  },
  {
    label: 'An AWS secret access key',
    pattern:
      /(?<![A-Za-z0-9])(?:aws[_-]?secret[_-]?access[_-]?key|aws[_-]?secret[_-]?key|secret[_-]?access[_-]?key)["']?\s*[:=]\s*["']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi,
    holds: ['secret'],
    fix: ROTATE,
  },
  {
    label: 'A GitHub token',
    pattern: /(?<![A-Za-z0-9_])(?<s>gh[pousr]_[A-Za-z0-9]{36,})(?![A-Za-z0-9_])/dg,
    holds: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A GitHub token',
    pattern: /(?<![A-Za-z0-9_])(?<s>github_pat_[A-Za-z0-9_]{22,})/dg,
    holds: ['github_pat_'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A GitLab token',
    pattern: /(?<![A-Za-z0-9_-])(?<s>glpat-[A-Za-z0-9_-]{20,})/dg,
    holds: ['glpat-'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A Slack token',
    pattern: /(?<![A-Za-z0-9_-])(?<s>xox[abposre]-[A-Za-z0-9-]{10,})/dg,
    holds: ['xox'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A Slack token',
    pattern: /(?<![A-Za-z0-9_-])(?<s>xapp-\d-[A-Za-z0-9-]{10,})/dg,
    holds: ['xapp-'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A Slack webhook URL',
    pattern: /(?<s>https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,})/dg,
    holds: ['https://hooks.slack.com/'],
    fix: 'revoke the webhook and create a new one',
    literal: (v) => !/\/X+$/i.test(v) && !/\/0+\/?$/.test(v),
    reveal: 'https://hooks.slack.com/'.length,
  },
  { label: 'A Google API key', pattern: /(?<![A-Za-z0-9_-])(?<s>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/dg, holds: ['AIza'], fix: ROTATE },
  {
    label: 'A Stripe live key',
    pattern: /(?<![A-Za-z0-9_])(?<s>(?:sk|rk)_live_[0-9A-Za-z]{16,})/dg,
    holds: ['_live_'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'An npm token',
    pattern: /(?<![A-Za-z0-9_])(?<s>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/dg,
    holds: ['npm_'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A SendGrid API key',
    pattern: /(?<![A-Za-z0-9_-])(?<s>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})/dg,
    holds: ['SG.'],
    fix: ROTATE,
  },
  {
    label: 'An OpenAI or Anthropic API key',
    pattern: /(?<![A-Za-z0-9_-])(?<s>sk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{32,})/dg,
    holds: ['sk-'],
    fix: ROTATE,
    literal: notMask,
  },
  {
    label: 'A JSON Web Token',
    pattern: /(?<![A-Za-z0-9_-])(?<s>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/dg,
    holds: ['eyJ'],
    fix: 'revoke the session or rotate the signing key if the token is still valid',
  },
  {
    label: 'An Authorization header credential',
    pattern: /authorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+(?<s>[A-Za-z0-9._~+/-]{20,}=*)/dgi,
    holds: ['authorization'],
    fix: ROTATE,
    literal: notPlaceholder,
  },
  { label: 'An Azure storage account key', pattern: /AccountKey=(?<s>[A-Za-z0-9+/]{40,}={0,2})/dg, holds: ['AccountKey='], fix: ROTATE },
  {
    label: 'A password in a URL',
    pattern: /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]+:(?<s>[^\s/?#@]+)@[^\s/?#@]/dgi,
    holds: ['://'],
    test: anyPasswordInUrl,
    fix: CHANGE_PASSWORD,
    literal: notPlaceholder,
  },
  {
    label: 'A credential set to a literal value',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_.-])${KEY_NAME}["']?\s*(?<sep>[:=])\s*(?:(?<quoted>["'])(?<s>[^"'\n]{4,}?)\k<quoted>|(?<s2>[^\s"'\x60,;&]{4,}))`,
      'dgi',
    ),
    fix: ROTATE,
    literal: literalValue,
  },
];

// A match of the URL pattern begins its scheme where a run of scheme
// characters (which its look-behind keeps from coming before it) ends at
// "://": so it is tried there, at each "://", and not at every position.
const SCHEME_CHAR = Uint8Array.from({ length: 128 }, (_, code) => (/[A-Za-z0-9+.-]/.test(String.fromCharCode(code)) ? 1 : 0));
const URL_PASSWORD_AT = /[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]+:[^\s/?#@]+@[^\s/?#@]/iy;

export function anyPasswordInUrl(text: string): boolean {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 1)) {
    let start = at;
    while (start > 0 && SCHEME_CHAR[text.charCodeAt(start - 1)] === 1) start--;
    URL_PASSWORD_AT.lastIndex = start;
    if (URL_PASSWORD_AT.test(text)) return true;
  }
  return false;
}

const PRIVATE_KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/d;
const PRIVATE_KEY_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

interface Found {
  from: number;
  to: number;
  label: string;
  secret: string;
  fix: string;
  reveal: number | undefined;
}

/** The secret part of a match: group `s` (or its bare-value twin `s2`). */
function secretOf(m: RegExpExecArray): { value: string; from: number } | undefined {
  for (const name of ['s', 's2'] as const) {
    const value = m.groups?.[name];
    const at = m.indices?.groups?.[name];
    if (value !== undefined && at) return { value, from: at[0] };
  }
  return undefined;
}

// A detector that matches nowhere in the whole text matches on no line (no
// pattern is anchored, and a line's edges look to each lookaround like the
// line breaks around it): most documents hold no secret, so one search of
// the whole text passes over the rest.
const ANYWHERE = new Map(DETECTORS.map((d) => [d, new RegExp(d.pattern.source, d.pattern.flags.replace(/[gd]/g, ''))]));
// The credential and URL patterns start with a run of name characters, which
// costs at every position: the key word or "://", looked for first, is cheap.
const KEY_WORD = /password|passwd|pwd|secret|token|api[_-]?key|apikey/i;

// What a text must hold for a detector's pattern to match in it, made once:
// its `holds`, looked for as the pattern would match them (ignoring case as
// it does: a pattern of them with its `i`, with no lower-case copy of the
// text), and the key word for the credential pattern.
function prefilterOf(d: Detector): (whole: string) => boolean {
  const { holds } = d;
  const anyCase = d.pattern.ignoreCase && holds?.some((h) => /[a-z]/i.test(h));
  const held = anyCase ? new RegExp(holds!.map(escapeRegExp).join('|'), 'i') : undefined;
  const keyNamed = d.pattern.source.includes(KEY_NAME);
  return (whole) =>
    (holds === undefined || (held ? held.test(whole) : holds.some((h) => whole.includes(h)))) && (!keyNamed || KEY_WORD.test(whole));
}
const PREFILTERS = new Map(DETECTORS.map((d) => [d, prefilterOf(d)]));

/** The detectors that may match somewhere in `whole`. */
function detectorsFor(whole: string): Detector[] {
  return DETECTORS.filter((d) => PREFILTERS.get(d)!(whole) && (d.test ? d.test(whole) : ANYWHERE.get(d)!.test(whole)));
}

function secretsInLine(text: string, detectors: Detector[]): Found[] {
  const found: Found[] = [];
  // Characters a detector has matched, a mask or placeholder included: a
  // later, less specific detector does not read them again.
  const claimed: { from: number; to: number }[] = [];
  for (const d of detectors) {
    for (const m of text.matchAll(d.pattern)) {
      const secret = secretOf(m);
      if (!secret) continue;
      const from = secret.from;
      const to = from + secret.value.length;
      if (claimed.some((c) => from < c.to && c.from < to)) continue;
      claimed.push({ from, to });
      if (d.literal && !d.literal(secret.value, m)) continue;
      found.push({ from, to, label: d.label, secret: secret.value, fix: d.fix, reveal: d.reveal });
    }
  }
  return found;
}

/** The first few characters and a mask: never the secret in full. */
export function mask(secret: string, reveal?: number): string {
  const shown = Math.min(reveal ?? 4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…`;
}

function findingOf(line: number, f: Found): RuleFinding {
  return {
    message: `${f.label} ("${mask(f.secret, f.reveal)}") is in the document: remove it, and ${f.fix}`,
    range: { start: { line, column: f.from + 1 }, end: { line, column: f.to + 1 } },
  };
}

// The body as a reader sees it (model/text.ts): a paragraph, heading or
// table cell joined across emphasis, with escapes and character references
// decoded and comments and tags dropped ("AKIA&#73;OSF…", "AKIA<!-- -->IOSF…");
// an alt text apart; a block of HTML as a browser shows it ("<p>AKIA<b></b>IOSF…",
// "AKIA&#73OSF…"), then as written with its references decoded. The lines
// of the source hide such a key; the text shows it.
const UNIT_TYPES = new Set(['paragraph', 'heading', 'tableCell', 'html']);

// Only the units whose text may show what no line does: the others were read on their lines already.
function readUnits(doc: CoeDocument): JoinedText[] {
  const units: JoinedText[] = [];
  const visit = (node: Nodes): void => {
    if (UNIT_TYPES.has(node.type)) {
      for (const read of renderedLeaves(node, doc.lines)) if (read.differs) units.push(joinLeaves(read.leaves, doc.lines));
    } else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(doc.root);
  return units;
}

function secretsAsRead(doc: CoeDocument, reported: Set<string>): RuleFinding[] {
  const units = readUnits(doc);
  const whole = units.map((u) => u.text).join('\n');
  const detectors = detectorsFor(whole);
  if (detectors.length === 0) return [];
  const findings: RuleFinding[] = [];
  for (const unit of units) {
    for (const f of secretsInLine(unit.text, detectors)) {
      const start = unit.pointAt(f.from);
      const last = unit.pointAt(f.to - 1);
      if (!start || !last || reported.has(`${start.line}:${start.column}`)) continue;
      reported.add(`${start.line}:${start.column}`);
      const finding = findingOf(start.line, f);
      finding.range = { start, end: endAfter(doc.lines, last, f.secret[f.secret.length - 1]!) };
      findings.push(finding);
    }
  }
  return findings;
}

// Past the secret's last character, which may be written as a reference ("EXAMPL&#69;").
function endAfter(lines: string[], last: Point, char: string): Point {
  const source = lines[last.line - 1] ?? '';
  const ref = source[last.column - 1] === '&' ? htmlReferenceAt(source, last.column - 1) : undefined;
  return { line: last.line, column: last.column + (ref?.value === char ? ref.length : 1) };
}

export default defineRule({
  meta: {
    id: 'no-secrets',
    severity: 'error',
    description: 'No credentials: cloud keys, private keys, tokens, passwords in URLs',
    options: z.strictObject({}),
    docs: {
      rationale:
        'A COE is read widely and kept for years, often in a repository: a credential pasted into it has leaked. ' +
        'The rule looks at every line, code blocks and inline code included, for known shapes: cloud access keys, ' +
        'private key blocks, GitHub, Slack, Google, Stripe and similar tokens, JSON Web Tokens, `Authorization` ' +
        'headers, passwords in URLs, and `password`/`secret`/`token`/`api_key` set to a literal. Variables and masks ' +
        '(`${DB_PASSWORD}`, `<redacted>`, `****`) are not secrets, and neither is a random-looking string alone (a git ' +
        'SHA, a UUID). Removing the secret is not enough: rotate it, since the file history still holds it.',
      fail: dedent(`
        ## Timeline

        - 07:41 — Checked the volume:

          \`\`\`sh
          AWS_ACCESS_KEY_ID=AKIA4XQ7R2MZ3KJ6PLWE aws ec2 describe-volumes --region eu-west-1 {no-secrets}
          \`\`\`
      `),
      pass: dedent(`
        ## Timeline

        - 07:41 — Checked the volume:

          \`\`\`sh
          AWS_PROFILE=orders-readonly aws ec2 describe-volumes --region eu-west-1
          \`\`\`
      `),
    },
  },
  check({ doc }) {
    const findings: RuleFinding[] = [];
    const whole = doc.lines.join('\n');
    const detectors = detectorsFor(whole);
    let inKey = false;
    doc.lines.forEach((text, i) => {
      const line = i + 1;
      if (inKey) {
        // The body of a private key block was reported with its BEGIN line.
        if (PRIVATE_KEY_END.test(text)) inKey = false;
        return;
      }
      const begin = PRIVATE_KEY_BEGIN.exec(text);
      if (begin) {
        const from = begin.index;
        findings.push({
          message:
            'A private key block is in the document: remove it, and replace the key pair now: it has leaked to everyone who can read this file or its history',
          range: { start: { line, column: from + 1 }, end: { line, column: from + begin[0].length + 1 } },
        });
        inKey = !PRIVATE_KEY_END.test(text.slice(from + begin[0].length));
        return;
      }
      findings.push(...secretsInLine(text, detectors).map((f) => findingOf(line, f)));
    });
    const reported = new Set(findings.map((f) => `${f.range.start.line}:${f.range.start.column}`));
    return [...findings, ...secretsAsRead(doc, reported)];
  },
});
