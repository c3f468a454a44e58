import { DateTime } from 'luxon';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO instant as `YYYY-MM-DD HH:mm` in the hospital's time zone (the engine's
 * `timeZone` setting, Asia/Shanghai by default), the way people on the ward read it.
 * Empty for null.
 */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const key = `${timeZone} ${iso}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = formatUncached(iso, timeZone);
  // Every visible row formats its due date on every frame; Intl formatting is slow.
  if (formatted.size >= 20_000) formatted.clear();
  formatted.set(key, text);
  return text;
}

const formatted = new Map<string, string>();

function formatUncached(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let format = formats.get(timeZone);
  if (!format) {
    // sv-SE formats as "2026-03-02 09:00", the order wanted here.
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

/** The date part of {@link formatTime}. */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  return formatTime(iso, timeZone).slice(0, 10);
}

/**
 * The zone's offset from UTC as people read it next to local times (`+08`, `+05:30`,
 * `-03`), at `iso` (daylight saving moves it) or now. Shown once per table or page, so
 * the times themselves stay short.
 */
export function formatZone(timeZone: string, iso?: string | null): string {
  const at = DateTime.fromISO(iso ?? new Date().toISOString(), { zone: 'utc' }).setZone(timeZone);
  return at.isValid ? at.toFormat('ZZ').replace(/:00$/, '') : timeZone;
}

/** {@link formatTime} with the zone after it (`2027-02-07 20:00 +08`), for a time read on its own. */
export function formatTimeWithZone(iso: string | null | undefined, timeZone: string): string {
  return iso ? `${formatTime(iso, timeZone)} ${formatZone(timeZone, iso)}` : '';
}
