import type { FieldSpec, FormSpec } from '../../core/kernel/formFields.js';
import type { Language } from '../../core/i18n/Localized.js';
import { printTable } from '../output.js';

const HEAD = {
  field: { 'zh-CN': '字段', en: 'field' },
  type: { 'zh-CN': '类型', en: 'type' },
  required: { 'zh-CN': '必填', en: 'required' },
  choices: { 'zh-CN': '可选值', en: 'choices' },
  label: { 'zh-CN': '名称', en: 'label' },
  yes: { 'zh-CN': '是', en: 'yes' },
} as const;

/** Prints a form's fields, one a line (a list's item fields as `posts[].post`), indented. */
export function printFormFields(form: FormSpec, lang: Language, indent = '    '): void {
  const rows = fieldRows(form, '', lang);
  printTable(
    [`${indent}${HEAD.field[lang]}`, HEAD.type[lang], HEAD.required[lang], HEAD.choices[lang], HEAD.label[lang]],
    rows.map(([name, ...rest]) => [`${indent}${name}`, ...rest]),
  );
}

function fieldRows(form: FormSpec, prefix: string, lang: Language): string[][] {
  return Object.entries(form).flatMap(([key, field]) => {
    const name = `${prefix}${key}`;
    const own = [name, typeOf(field), field.required ? HEAD.yes[lang] : '', choicesOf(field, lang), field.label[lang]];
    if (field.type !== 'list') return [own];
    if (field.of) return [own, ...fieldRows({ '': field.of }, `${name}[]`, lang)];
    return [own, ...fieldRows(field.items ?? {}, `${name}[].`, lang)];
  });
}

function typeOf(field: FieldSpec): string {
  const range = field.min !== undefined || field.max !== undefined ? ` ${field.min ?? ''}..${field.max ?? ''}` : '';
  return `${field.type}${range}${field.future ? ' ≥today' : ''}`;
}

function choicesOf(field: FieldSpec, lang: Language): string {
  return (field.options ?? []).map((o) => `${o.value} (${o.label[lang]})`).join(', ');
}
