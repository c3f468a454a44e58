const KEY = /(?:^|; )([A-Za-z_][A-Za-z0-9_]*): /g;

/**
 * The recorded data of a finding opened before findings kept it as data: chains then
 * wrote it as one line (`person: ort03; note: 08:20; reinspection: false`, objects as
 * JSON). Read back into data, such a finding is put in words like a new one. Undefined
 * when the text is not of that form (a description someone wrote).
 */
export function legacyDetails(text: string): Record<string, unknown> | undefined {
  const keys = [...text.matchAll(KEY)];
  if (keys.length === 0 || keys[0]!.index !== 0) return undefined;
  const details: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    const raw = text.slice(key.index + key[0].length, keys[i + 1]?.index ?? text.length);
    details[key[1]!] = valueOf(raw);
  });
  return details;
}

function valueOf(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw.startsWith('{') || raw.startsWith('[')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      // Not JSON after all: a note that starts with a brace.
      return raw;
    }
  }
  return raw;
}
