import type { FindingStatus, Severity } from '../../../core/findings/Finding.js';

/** How the console draws: with colour or not, with Unicode box and block characters or ASCII. */
export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  /** Ink's border style for panels. */
  readonly border: 'round' | 'classic';
  readonly ellipsis: string;
  /** Bar, sparkline and selection characters. */
  readonly glyphs: {
    readonly cursor: string;
    readonly mark: string;
    readonly bar: string;
    readonly barPartials: readonly string[];
    readonly spark: readonly string[];
    readonly line: string;
    readonly separator: string;
    readonly overdue: string;
    readonly flagged: string;
  };
  readonly status: Readonly<Record<FindingStatus, string>>;
  readonly severity: Readonly<Record<Severity, string>>;
  /** A colour for Ink's `color` prop, or undefined when colour is off. */
  tone(name: Tone): string | undefined;
}

/** The meanings colours stand for; every one is also said in words or symbols. */
export type Tone = 'accent' | 'danger' | 'warning' | 'ok' | 'muted' | 'selected';

const COLORS: Readonly<Record<Tone, string>> = {
  accent: 'cyan',
  danger: 'red',
  warning: 'yellow',
  ok: 'green',
  muted: 'gray',
  selected: 'blue',
};

/**
 * Builds the theme from the options `duban tui` resolved: `color` false for `NO_COLOR`,
 * `--no-color` or `FORCE_COLOR=0`; `ascii` for `--ascii` (no box-drawing, block or
 * symbol characters, for terminals and fonts without them). Status and severity always
 * carry a symbol or word, never a colour alone.
 */
export function createTheme(options: { color: boolean; ascii: boolean }): Theme {
  const { color, ascii } = options;
  return {
    color,
    ascii,
    border: ascii ? 'classic' : 'round',
    ellipsis: ascii ? '~' : '…',
    glyphs: ascii
      ? { cursor: '>', mark: '*', bar: '#', barPartials: [], spark: ['_', '.', '-', '=', '^'], line: '-', separator: '|', overdue: '!', flagged: '!!' }
      : { cursor: '▶', mark: '●', bar: '█', barPartials: ['▏', '▎', '▍', '▌', '▋', '▊', '▉'], spark: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'], line: '─', separator: '│', overdue: '⚠', flagged: '⚑' },
    status: ascii
      ? { open: '[ ]', acknowledged: '[a]', action_planned: '[p]', awaiting_verification: '[v]', closed: '[x]' }
      : { open: '○', acknowledged: '◔', action_planned: '◑', awaiting_verification: '◕', closed: '●' },
    severity: ascii ? { minor: '.', major: '!', critical: '!!' } : { minor: '·', major: '▲', critical: '◆' },
    tone: (name) => (color ? COLORS[name] : undefined),
  };
}

/**
 * Whether to use colour: off for `--no-color`, a non-empty `NO_COLOR`
 * (https://no-color.org) or `FORCE_COLOR=0`; otherwise on (`FORCE_COLOR` set to anything
 * else forces it on, for terminals that do not advertise colour).
 */
export function wantsColor(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return true;
}
