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

const zones = new Map<string, string>();

/**
 * The zone the times are shown in, as its UTC offset at `at` (`+08`, `-05:30`), to be said
 * once beside them.
 */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const key = `${timeZone} ${at.toISOString().slice(0, 10)}`;
  const known = zones.get(key);
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{1,2})(?::(\d\d))?/.exec(part);
  const label = match ? `${match[1]}${match[2]!.padStart(2, '0')}${match[3] ? `:${match[3]}` : ''}` : '+00';
  zones.set(key, label);
  return label;
}
