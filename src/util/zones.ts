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

// What counts as a zone name right after a time, so that ordinary words
// ("07:51 PMs join", "06:48 Ops paged") do not:
// - an abbreviation of ZONES in capitals; in any case ("pst") unless it is
//   also a word or has two letters ("met", "pt"); or one of them followed by
//   "/" and more ("PST/PDT");
// - an IANA name under a continent or ocean ("Europe/Berlin"), or a legacy
//   one from LEGACY_ZONES ("US/Eastern");
// - a name ending in "Time" after a region ("Eastern Time", "Pacific time",
//   "Central European Time"), one in "Standard", "Daylight" or "Summer Time"
//   ("India Standard Time"), and "local time".
// Each may stand in parentheses: "07:51 (CET)".
const WORDS = new Set(['ART', 'CAT', 'COT', 'EAT', 'MET', 'PET', 'WET']);
const AREAS = 'Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc';
const LEGACY_ZONES =
  '(?:US|Canada)/(?:Alaska|Aleutian|Arizona|Atlantic|Central|East-Indiana|Eastern|Hawaii|Indiana-Starke|Michigan|Mountain|Newfoundland|Pacific|Samoa|Saskatchewan|Yukon)|Brazil/(?:Acre|DeNoronha|East|West)|Mexico/(?:BajaNorte|BajaSur|General)|Chile/(?:Continental|EasterIsland)';
const IANA = String.raw`(?:${AREAS})(?:/(?!(?:${AREAS})\b)[A-Z][\w+-]*){1,2}|${LEGACY_ZONES}`;
const REGIONS =
  'Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Western|European|Israel|India|Japan|Korea|China|Moscow|Arabia|Australian|Brasilia|Singapore|Philippine|British|Irish';
const TIME_NAME = String.raw`(?:[A-Z][a-z]+ ){1,3}(?:Standard|Daylight|Summer) [Tt]ime|(?:${REGIONS})(?: [A-Z][a-z]+)? [Tt]ime|[Ll]ocal [Tt]ime`;
const NAME = new RegExp(
  String.raw`^\s*\(?(?:(?<iana>${IANA})|(?<time>${TIME_NAME})|(?<abbr>[A-Za-z]{2,5}(?:/\p{L}+)*))\)?(?!\p{L}|\p{N}|/)`,
  'u',
);

/**
 * When the text right after a time is a zone name, why the time cannot be
 * read and what to write instead; otherwise undefined.
 */
export function zoneNameAfter(rest: string, time: string): string | undefined {
  const groups = NAME.exec(rest)?.groups;
  if (!groups) return undefined;
  const bare = time.replace(/\s*(?:UTC|GMT|Z)$/i, '');
  if (groups.iana) return zoneName(groups.iana, bare, '-05:00', true);
  if (groups.time) return zoneName(groups.time, bare, '-05:00', false);
  const [first, ...others] = groups.abbr!.split('/');
  const uses = usesOf(first!);
  if (!uses) return undefined;
  return others.length ? zoneName(groups.abbr!, bare, uses[0]![0], true) : abbreviation(groups.abbr!, bare, uses);
}

// The offsets an abbreviation as written is used for, or undefined when it is not one.
function usesOf(written: string): [string, string][] | undefined {
  const name = written.toUpperCase();
  const uses = ZONES[name];
  if (!uses || written === name) return uses;
  return WORDS.has(name) || name.length < 3 ? undefined : uses;
}

function zoneName(name: string, bare: string, example: string, seasonal: boolean): string {
  const why = seasonal ? ', since its offset changes with daylight saving time' : '';
  return `"${name}" is a time zone name, not an offset: write the offset from UTC instead (e.g. "${bare} ${example}")${why}`;
}

function abbreviation(name: string, bare: string, uses: [string, string][]): string {
  const [first] = uses as [[string, string], ...[string, string][]];
  if (uses.length === 1) return `"${name}" is a zone abbreviation, not an offset: write the offset instead ("${bare} ${first[0]}")`;
  const list = uses.map(([offset, where]) => `${offset} ${where}`).join(', ');
  return `"${name}" is a zone abbreviation, not an offset, and an ambiguous one (${list}): write the offset instead (e.g. "${bare} ${first[0]}")`;
}
