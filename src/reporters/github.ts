// GitHub Actions workflow commands: one annotation per finding, shown on the
// file and line in a pull request.
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message
import type { Message } from '../engine/rule.js';
import type { Reporter } from './types.js';
import { showControls } from './safe.js';

export const github: Reporter = (results) => results.flatMap((r) => r.messages.map((m) => annotation(r.file, m))).join('\n');

function annotation(file: string, m: Message): string {
  const command = m.severity === 'error' ? 'error' : 'warning';
  const properties: [string, string | number][] = [
    ['file', file.split('\\').join('/')],
    ['line', m.line],
    ['col', m.column],
  ];
  if (m.endLine >= m.line) properties.push(['endLine', m.endLine], ['endColumn', m.endColumn]);
  properties.push(['title', m.ruleId]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${command} ${list}::${escapeData(m.message)}`;
}

/** As the runner reads a command's message: %, CR and LF are encoded; other control characters are shown as `\u001b`. */
export function escapeData(text: string): string {
  return showControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As the runner reads a property value: also ":" and ",", which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
