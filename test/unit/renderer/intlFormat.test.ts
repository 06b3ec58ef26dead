import { describe, expect, it } from 'vitest';
import { formatClock, formatClockRange, formatList, formatTime, zoneOffsetMinutes } from '../../../renderer/src/i18n/intlFormat';

// Intl puts narrow no-break spaces before "AM" and around some marks: compare with plain spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');
const at = '2026-11-23T03:24:00.000Z'; // 11:24 at the venue in Songyang (UTC+8)
const venue = 'Asia/Shanghai';
const time = (lang: string, laptopZone: string, moment: string = at, withDate = false) => plain(formatTime(moment, lang, venue, { laptopZone, withDate }));

describe('one rule for a moment shown anywhere', () => {
  it('reads the forum’s clock, not the laptop’s, in each language’s own 12- or 24-hour convention', () => {
    expect(time('en', venue)).toBe('11:24 AM');
    expect(time('ru', venue)).toBe('11:24');
    expect(time('zh', venue)).toBe('11:24');
    expect(time('ar', venue)).toMatch(/^(11|١١):(24|٢٤) ص$/);
  });

  it('names the zone when this laptop’s clock reads otherwise, in the language’s own words', () => {
    expect(time('en', 'Europe/London')).toBe('11:24 AM GMT+8');
    expect(time('ru', 'America/New_York')).toBe('11:24 GMT+8');
    expect(time('zh', 'UTC')).toMatch(/^GMT\+8 11:24$/);
    expect(time('ar', 'Africa/Cairo')).toMatch(/^(11|١١):(24|٢٤) ص .*(8|٨)$/);
  });

  it('does not name a zone that only differs by name from the laptop’s (same offset at that moment)', () => {
    expect(time('en', 'Asia/Chongqing')).toBe('11:24 AM');
    expect(time('en', 'Asia/Singapore')).toBe('11:24 AM');
  });

  it('follows summer time: the same zone pair is labelled in one season and not in another', () => {
    // London and Lisbon agree all year; London and UTC only in winter.
    expect(plain(formatTime('2026-07-01T10:00:00Z', 'en', 'Europe/Lisbon', { laptopZone: 'Europe/London' }))).toBe('11:00 AM');
    expect(plain(formatTime('2026-07-01T10:00:00Z', 'en', 'Europe/London', { laptopZone: 'UTC' }))).toBe('11:00 AM GMT+1');
    expect(plain(formatTime('2026-01-15T10:00:00Z', 'en', 'Europe/London', { laptopZone: 'UTC' }))).toBe('10:00 AM');
  });

  it('adds the day for lists that span the forum’s days', () => {
    expect(time('en', venue, at, true)).toBe('Nov 23, 11:24 AM');
    expect(time('ru', venue, at, true)).toMatch(/^23 нояб\.?,? 11:24$/);
  });

  it('reads a bare wall-clock time as the venue’s, and shows unreadable text as it is', () => {
    expect(time('en', venue, '2026-11-23T14:20')).toBe('2:20 PM');
    expect(time('ru', 'UTC', '2026-11-23T14:20')).toBe('14:20 GMT+8');
    expect(time('en', venue, 'not a time')).toBe('not a time');
  });

  it('knows a zone’s offset at a moment', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', new Date(at))).toBe(480);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-07-01T00:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata', new Date(at))).toBe(330);
    expect(zoneOffsetMinutes('UTC', new Date(at))).toBe(0);
  });
});

describe('the agenda’s wall-clock times, by the same rule', () => {
  it('writes a time of day in the language’s own convention', () => {
    expect(plain(formatClock('16:00', 'en'))).toBe('4:00 PM');
    expect(plain(formatClock('16:00', 'ru'))).toBe('16:00');
    expect(plain(formatClock('16:00', 'zh'))).toBe('16:00');
    expect(plain(formatClock('16:00', 'ar'))).toMatch(/^(4|٤):(00|٠٠) م$/);
  });

  it('writes a session’s span as the language writes ranges', () => {
    expect(plain(formatClockRange('09:00', '10:30', 'en'))).toBe('9:00 – 10:30 AM');
    expect(plain(formatClockRange('11:00', '13:30', 'en'))).toBe('11:00 AM – 1:30 PM');
    expect(plain(formatClockRange('16:00', '17:30', 'zh'))).toBe('16:00–17:30');
    expect(plain(formatClockRange('16:00', '17:30', 'ru'))).toBe('16:00–17:30');
  });

  it('shows anything that is not a time of day as written', () => {
    expect(formatClock('9:00', 'en')).toBe('9:00');
    expect(formatClockRange('', '10:00', 'ru')).toBe('–10:00');
  });
});

describe('formatList', () => {
  it('lists with each language’s own separators and "and", never Latin commas in Arabic or Chinese', () => {
    expect(formatList(['English', 'French', 'Spanish'], 'en')).toBe('English, French, and Spanish');
    const arabic = formatList(['الإنجليزية', 'الفرنسية', 'الإسبانية'], 'ar');
    expect(arabic).not.toContain(',');
    expect(arabic).toContain(' و');
    expect(formatList(['英语', '法语', '西班牙语'], 'zh')).toBe('英语、法语和西班牙语');
    expect(formatList(['английский', 'французский'], 'ru')).toBe('английский и французский');
    expect(formatList(['English'], 'en')).toBe('English');
  });
});
