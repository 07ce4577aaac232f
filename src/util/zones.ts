// Time zone names and abbreviations are not offsets (format 3.2): several
// are ambiguous (IST, CST, BST) and the others change with daylight saving
// rules. A timeline entry written with one has no readable time; the message
// says which offset to write instead.

// Abbreviation -> the offsets it is used for, with where, most common first.
const ZONES: Record<string, [string, string][]> = {
  EST: [['-05:00', '']],
  EDT: [['-04:00', '']],
  CDT: [
    ['-05:00', 'US Central'],
    ['-04:00', 'Cuba'],
  ],
  CST: [
    ['-06:00', 'US Central'],
    ['+08:00', 'China'],
    ['-05:00', 'Cuba'],
  ],
  MST: [['-07:00', '']],
  MDT: [['-06:00', '']],
  PST: [
    ['-08:00', 'US Pacific'],
    ['+08:00', 'Philippines'],
  ],
  PDT: [['-07:00', '']],
  AKST: [['-09:00', '']],
  AKDT: [['-08:00', '']],
  HST: [['-10:00', '']],
  AST: [
    ['-04:00', 'Atlantic'],
    ['+03:00', 'Arabia'],
  ],
  ADT: [['-03:00', '']],
  NST: [['-03:30', '']],
  NDT: [['-02:30', '']],
  ET: [
    ['-05:00', 'winter'],
    ['-04:00', 'summer'],
  ],
  CT: [
    ['-06:00', 'winter'],
    ['-05:00', 'summer'],
  ],
  MT: [
    ['-07:00', 'winter'],
    ['-06:00', 'summer'],
  ],
  PT: [
    ['-08:00', 'winter'],
    ['-07:00', 'summer'],
  ],
  WET: [['+00:00', '']],
  WEST: [['+01:00', '']],
  BST: [
    ['+01:00', 'British Summer Time'],
    ['+06:00', 'Bangladesh'],
  ],
  IST: [
    ['+05:30', 'India'],
    ['+01:00', 'Ireland'],
    ['+02:00', 'Israel'],
  ],
  CET: [['+01:00', '']],
  CEST: [['+02:00', '']],
  MET: [['+01:00', '']],
  MEST: [['+02:00', '']],
  EET: [['+02:00', '']],
  EEST: [['+03:00', '']],
  MSK: [['+03:00', '']],
  TRT: [['+03:00', '']],
  GST: [
    ['+04:00', 'Gulf'],
    ['-02:00', 'South Georgia'],
  ],
  PKT: [['+05:00', '']],
  NPT: [['+05:45', '']],
  ICT: [['+07:00', '']],
  WIB: [['+07:00', '']],
  SGT: [['+08:00', '']],
  HKT: [['+08:00', '']],
  AWST: [['+08:00', '']],
  JST: [['+09:00', '']],
  KST: [['+09:00', '']],
  ACST: [['+09:30', '']],
  ACDT: [['+10:30', '']],
  AEST: [['+10:00', '']],
  AEDT: [['+11:00', '']],
  NZST: [['+12:00', '']],
  NZDT: [['+13:00', '']],
  BRT: [['-03:00', '']],
  ART: [['-03:00', '']],
  CLT: [['-04:00', '']],
  COT: [['-05:00', '']],
  PET: [['-05:00', '']],
  SAST: [['+02:00', '']],
  WAT: [['+01:00', '']],
  CAT: [['+02:00', '']],
  EAT: [['+03:00', '']],
  IRST: [['+03:30', '']],
};

// "07:51 CET", "07:51 (CET)", "07:51 Europe/Berlin", "07:51 America/New_York".
const NAME = /^\s*\(?([A-Z]{2,4}|[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)\)?(?![\p{L}\p{N}/])/u;

/**
 * When the text right after a time is a zone name, why the time cannot be
 * read and what to write instead; otherwise undefined.
 */
export function zoneNameAfter(rest: string, time: string): string | undefined {
  const match = NAME.exec(rest);
  if (!match) return undefined;
  const name = match[1]!;
  const uses = ZONES[name];
  if (!uses && !name.includes('/')) return undefined;
  const bare = time.replace(/\s*(?:UTC|GMT|Z)$/, '');
  if (!uses)
    return `"${name}" is a time zone name, not an offset: write the offset from UTC instead (e.g. "${bare} -05:00"), since its offset changes with daylight saving time`;
  const [first] = uses as [[string, string], ...[string, string][]];
  if (uses.length === 1) return `"${name}" is a zone abbreviation, not an offset: write the offset instead ("${bare} ${first[0]}")`;
  const list = uses.map(([offset, where]) => `${offset} ${where}`).join(', ');
  return `"${name}" is a zone abbreviation, not an offset, and an ambiguous one (${list}): write the offset instead (e.g. "${bare} ${first[0]}")`;
}
