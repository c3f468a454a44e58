import { config, memoizer } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// The product's schemas use zod/mini, whose functions a bundle keeps only as far as they
// are used (classic zod's `z` keeps every locale, the JSON-schema converters and more),
// imported as `import * as z from '../util/zod.js'`. Classic zod turns on its English
// messages and its memoizer (inputs with reference cycles) when it builds its first
// schema; mini does neither. Both are set here, before any schema is built (a schema reads
// the memoizer when it is constructed), so users see the same messages as before.
config(en());
config({ memoizer: memoizer() });

/** zod/mini, with English error messages and the memoizer configured. */
export * from 'zod/mini';
