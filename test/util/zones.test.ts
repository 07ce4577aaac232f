// zoneNameAfter: which words right after a time are a zone name (and make the
// entry unreadable), and which are words of the entry's text.
import { describe, expect, it } from 'vitest';
import { zoneNameAfter } from '../../src/util/zones.js';

describe('zoneNameAfter', () => {
  it.each([
    [' EST — a', '"EST" is a zone abbreviation, not an offset: write the offset instead ("06:48 -05:00")'],
    [' (PDT)', '("06:48 -07:00")'],
    [' pst — a', '"pst" is a zone abbreviation, not an offset, and an ambiguous one'],
    [' Cest', '("06:48 +02:00")'],
    [
      ' PST/PDT — a',
      '"PST/PDT" is a time zone name, not an offset: write the offset from UTC instead (e.g. "06:48 -08:00"), since its offset changes',
    ],
    [' cet/cest', '"cet/cest" is a time zone name'],
    [' US/Eastern — a', '"US/Eastern" is a time zone name, not an offset'],
    [' Europe/Berlin', '"Europe/Berlin" is a time zone name'],
    [' America/Argentina/Buenos_Aires', '"America/Argentina/Buenos_Aires" is a time zone name'],
    [' Etc/GMT+5', '"Etc/GMT+5" is a time zone name'],
    [' Eastern Time — a', '"Eastern Time" is a time zone name, not an offset: write the offset from UTC instead (e.g. "06:48 -05:00")'],
    [' Pacific time', '"Pacific time" is a time zone name'],
    [' Central European Time', '"Central European Time" is a time zone name'],
    [' British Summer Time', '"British Summer Time" is a time zone name'],
    [' Eastern Daylight Time', '"Eastern Daylight Time" is a time zone name'],
    [' (local time)', '"local time" is a time zone name'],
  ])('%j is a zone name', (rest, message) => {
    expect(zoneNameAfter(rest, '06:48')).toContain(message);
  });

  it.each([
    ' PMs join the call',
    ' AMI rebuilt',
    ' Alarm fired',
    ' Ops paged',
    ' Ops/SRE paged',
    ' DNS records were checked',
    ' met the vendor',
    ' Met with the vendor',
    ' cat /var/log/syslog',
    ' pt 2 of the rollout',
    ' Asia/Pacific traffic fails over',
    ' US/Canada customers',
    ' Response Time alarm fires',
    ' Summer time traffic peaks',
    ' First time the alarm fired',
    ' Greenwich Mean Time',
    ' — The alarm fires (EST)',
  ])('%j is not a zone name', (rest) => {
    expect(zoneNameAfter(rest, '06:48')).toBeUndefined();
  });
});
