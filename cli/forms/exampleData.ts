import type { FieldSpec, FormSpec } from '../../core/kernel/formFields.js';
import type { Language } from '../../core/i18n/Localized.js';

/**
 * Example data for a form, as `--input` / `--data` JSON: every field, with a placeholder
 * in angle brackets where a person must put a real value (`"<科室 department>"`), a
 * valid value where any will do (false, the minimum of a number, an enum's first choice),
 * and one item for a list.
 */
export function exampleData(form: FormSpec, lang: Language): Record<string, unknown> {
  return Object.fromEntries(Object.entries(form).map(([key, field]) => [key, exampleValue(field, lang)]));
}

function exampleValue(field: FieldSpec, lang: Language): unknown {
  const placeholder = (what: string) => `<${field.label[lang]}: ${what}>`;
  switch (field.type) {
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return field.min ?? 0;
    case 'enum':
      return field.options?.[0]?.value ?? placeholder('?');
    case 'date':
      return placeholder('YYYY-MM-DD');
    case 'datetime':
      return placeholder('YYYY-MM-DDTHH:mm+08:00');
    case 'person':
    case 'department':
    case 'post':
      return placeholder(`${field.type} id`);
    case 'list':
      if (field.of) return [exampleValue(field.of, lang)];
      return [exampleData(field.items ?? {}, lang)];
    default:
      return placeholder(field.type);
  }
}
