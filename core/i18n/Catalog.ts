import type { Language } from './Localized.js';

/**
 * The messages of one namespace in one language: texts by key, flat (`'out.round'`) or
 * nested (`{ cli: { started } }`). Placeholders are i18next's `{{name}}`; a counted text
 * has i18next plural keys (`chains_one`, `chains_other`) and is asked for with `count`.
 */
export interface Catalog {
  readonly [key: string]: string | Catalog;
}

/** A namespace's messages in every language duban speaks. */
export type Messages = { readonly [L in Language]: Catalog };

/** The plural suffixes i18next adds to a key (`Intl.PluralRules` categories). */
export const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'] as const;

type PluralSuffix = (typeof PLURAL_SUFFIXES)[number];

/**
 * The Chinese catalog of an English one: the same keys with string values, without the
 * `_one` forms (Chinese counts have one form, `_other`). A missing key fails the type check.
 *
 * @example
 * export const zhCN: CatalogOf<typeof en> = { chains_other: '{{count}} 条任务链' };
 */
export type CatalogOf<T> = {
  readonly [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : CatalogOf<T[K]>;
};

type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** The keys callers may ask a catalog for: its key paths, a plural key by its base (`chains`). */
export type MessageKey<T> = WithoutPlural<KeyPaths<T>>;

/**
 * Values for a text's `{{name}}` placeholders. A `Localized` value (`{ zh-CN, en }`) is read in the
 * text's language; `count` also picks the plural form.
 */
export type MessageVars = Readonly<Record<string, unknown>>;
