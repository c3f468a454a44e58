import { DateTime } from 'luxon';
import { translate } from '../i18n/i18n.js';
import type { Language, Localized } from '../i18n/Localized.js';
import { formatDays, formatDecimal, formatPercent } from '../report/formatFigure.js';
import type { OrgDirectory } from '../org/OrgDirectory.js';
import type { FieldFormat } from '../plugin/PluginDefinition.js';
import type { PluginRegistry } from '../plugin/PluginRegistry.js';
import type { FindingDetail } from './Finding.js';

/** One entry of the data a chain recorded with a finding, labelled in both languages. */
export interface ReadableField {
  readonly label: Localized;
  readonly value: Localized;
}

/** What people read for a finding's codes and ids, in both languages: the UI picks one at drawing time. */
export interface FindingWords {
  /** The category by its plugin's label, the code itself when no plugin labels it. */
  readonly category: Localized;
  /** The subject's name (a person, a post, a department or lab), its id when the org does not know it. */
  readonly subject: Localized;
  /** The recording chain's data: labelled fields, names for ids, words for yes/no, no JSON. */
  readonly details: readonly ReadableField[];
}

/** A finding with its words, as the console's detail pane draws it. */
export type WordedFinding = FindingDetail & { readonly words: FindingWords };

/** Where {@link findingWords} finds labels, names and the zone times are read in. */
export interface WordSources {
  readonly org: Pick<OrgDirectory, 'names'>;
  readonly plugins: Pick<PluginRegistry, 'categoryLabel' | 'fieldLabel' | 'valueLabel' | 'fieldFormat'>;
  readonly timeZone: string;
}

type Names = (id: string) => Localized | undefined;

const both = (text: string): Localized => ({ 'zh-CN': text, en: text });
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A finding's codes and ids in people's words, both languages at once: the console can
 * switch language without reading again, and a stored finding keeps only codes and ids.
 * An id in the recorded data is taken for a person, then a post, then a department; a
 * chain's data names no types, and an id is unique within the org's kinds in practice.
 */
export async function findingWords(f: FindingDetail, sources: WordSources): Promise<FindingWords> {
  const ids = [f.subject, ...stringsIn(f.details)];
  const [people, posts, departments] = await Promise.all([
    sources.org.names('people', ids),
    sources.org.names('posts', ids),
    sources.org.names('departments', ids),
  ]);
  const name: Names = (id) => people.get(id) ?? posts.get(id) ?? departments.get(id);
  const label = (field: string) => sources.plugins.fieldLabel(field) ?? both(field);
  const render: Render = { name, label, code: (field, value) => sources.plugins.valueLabel(field, value), format: (field) => sources.plugins.fieldFormat(field), timeZone: sources.timeZone };
  return {
    category: sources.plugins.categoryLabel(f.category) ?? both(f.category),
    // The subject's kind says where its name is.
    subject: (f.subjectKind === 'person' ? people : f.subjectKind === 'post' ? posts : departments).get(f.subject) ?? both(f.subject),
    details: Object.entries(f.details ?? {})
      .filter(([, v]) => present(v))
      .map(([field, v]) => ({ label: label(field), value: localized((lang) => valueText(field, v, lang, render)) })),
  };
}

/** The recorded data as one line (`人员：刘技师；复查：否`), empty when there is none. */
export function detailsText(details: readonly ReadableField[], lang: Language): string {
  return details.map((d) => translate(lang, 'details.field', { label: d.label[lang], value: d.value[lang] })).join(translate(lang, 'details.join'));
}

interface Render {
  readonly name: Names;
  readonly label: (field: string) => Localized;
  readonly code: (field: string, value: string) => Localized | undefined;
  readonly format: (field: string) => FieldFormat | undefined;
  readonly timeZone: string;
}

/** A value of `field` in words: a plugin's label for a code, a name for an id, yes or no, local time, never JSON. */
function valueText(field: string, value: unknown, lang: Language, r: Render): string {
  if (typeof value === 'boolean') return translate(lang, value ? 'details.yes' : 'details.no');
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return DateTime.fromISO(value).setZone(r.timeZone).toFormat('yyyy-MM-dd HH:mm');
    return (r.code(field, value) ?? r.name(value))?.[lang] ?? value;
  }
  if (Array.isArray(value)) return value.filter(present).map((v) => valueText(field, v, lang, r)).join(translate(lang, 'details.list'));
  if (value && typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).filter(([, v]) => present(v));
    return parts.map(([k, v]) => `${r.label(k)[lang]} ${valueText(k, v, lang, r)}`).join(translate(lang, 'details.list'));
  }
  if (typeof value === 'number') return FORMAT[r.format(field) ?? 'decimal'](value);
  return String(value);
}

/** Figures as the reports write them: one source of digits. */
const FORMAT: Readonly<Record<FieldFormat, (value: number) => string>> = { percent: formatPercent, days: formatDays, decimal: formatDecimal };

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function localized(text: (lang: Language) => string): Localized {
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}
