import type { ReactNode } from 'react';
import type { Language } from '../../../core/index.js';
import { createTheme } from '../../../cli/tui/theme/Theme.js';
import { LookContext, lookOf } from '../../../cli/tui/theme/ThemeContext.js';

/** Wraps a component in the console's look: language, colour, ASCII mode. */
export function withLook(node: ReactNode, options: { lang?: Language; color?: boolean; ascii?: boolean } = {}) {
  const look = lookOf(options.lang ?? 'en', createTheme({ color: options.color ?? false, ascii: options.ascii ?? false }));
  return <LookContext.Provider value={look}>{node}</LookContext.Provider>;
}
