// copied from generator/runtime/formats.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The `format`s the validators check with a function rather than a regular expression (Ajv
 * inlines those): ESM versions of ajv-formats' "full" formats, whose standalone output
 * would `require()` them. Same shapes as ajv-formats' (a function, or `{ validate }`), so
 * that Ajv's generated calls fit; same rules (RFC 3339 dates and times, URIs with a
 * scheme, base64, 32- and 64-bit integers). Only generated/validators.ts imports this file.
 */

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;

/** RFC 3339 full-date. */
function date(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

/** RFC 3339 full-time (a time zone required when `strictTimeZone`), leap seconds included. */
function time(strictTimeZone: boolean): (text: string) => boolean {
  return (text) => {
    const m = TIME.exec(text);
    if (!m) return false;
    const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const sign = m[5] === "-" ? -1 : 1;
    const [zoneHours, zoneMinutes] = [Number(m[6] ?? 0), Number(m[7] ?? 0)];
    if (zoneHours > 23 || zoneMinutes > 59 || (strictTimeZone && !m[4])) return false;
    if (hour <= 23 && minute <= 59 && second < 60) return true;
    const utcMinute = minute - zoneMinutes * sign;
    const utcHour = hour - zoneHours * sign - (utcMinute < 0 ? 1 : 0);
    return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
  };
}

function dateTime(strictTimeZone: boolean): (text: string) => boolean {
  const timePart = time(strictTimeZone);
  return (text) => {
    const parts = text.split(DATE_TIME_SEPARATOR);
    return parts.length === 2 && date(parts[0]!) && timePart(parts[1]!);
  };
}

/** An absolute URI: a scheme, and something the URL parser accepts. */
function uri(text: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** ajv-formats' "full" formats that are functions, by name. */
export const fullFormats: Record<string, unknown> = {
  date: { validate: date },
  time: { validate: time(true) },
  "date-time": { validate: dateTime(true) },
  "iso-time": { validate: time(false) },
  "iso-date-time": { validate: dateTime(false) },
  uri,
  regex: (text: string) => {
    try {
      new RegExp(text, "u");
      return true;
    } catch {
      return false;
    }
  },
  byte: (text: string) => BYTE.test(text),
  int32: { type: "number", validate: (n: number) => Number.isInteger(n) && n <= 2 ** 31 - 1 && n >= -(2 ** 31) },
  int64: { type: "number", validate: (n: number) => Number.isInteger(n) },
  float: { type: "number", validate: () => true },
  double: { type: "number", validate: () => true },
};
