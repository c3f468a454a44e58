import { DubanError, formatTable, readInputFile, type Language, type PureCommand, type PureCommandContext } from '../../../core/plugin/index.js';
import { computeMonthPoints, type MonthPoints } from '../lib/computeMonthPoints.js';
import { parsePointsCsv, type PointsCsvProblem } from '../lib/parsePointsCsv.js';
import { formatScaled, parseScaled } from '../lib/scaledDecimal.js';
import { COUNT_COLUMNS } from '../lib/workloadPoints.js';
import { both, say } from '../locales/text.js';

/**
 * `duban medtech points --input <csv> [--pool N] [--chief-base N] [--json]`: a month's
 * workload points per person (医技科绩效) and, with `--pool`, each person's share of the
 * bonus pool in yuan to the cent. The chief's base points come from `--chief-base`, else
 * the config's `pluginConfig.medtech.chiefBase`.
 *
 * @throws DubanError `INPUT_INVALID` naming `file:line` and the column of the first bad
 * row (all problems in `details.problems`); nothing is computed then. `USAGE` for a bad
 * `--pool` or chief base, or a chief row without a chief base.
 */
export const pointsCommand: PureCommand = {
  name: 'medtech points',
  // Computes from the CSV alone: no database is opened.
  pure: true,
  summary: both('points.summary'),
  options: [
    { flags: '--input <csv>', description: both('points.option.input'), required: true },
    { flags: '--pool <yuan>', description: both('points.option.pool') },
    { flags: '--chief-base <points>', description: both('points.option.chiefBase') },
  ],
  async run(options, ctx) {
    const file = String(options.input);
    const source = await readSource(file, ctx.lang);
    const parsed = parsePointsCsv(source);
    if (parsed.problems.length > 0) throw csvError(file, parsed.problems, ctx.lang);
    const poolCents = parsePool(options.pool, ctx.lang);
    const chiefBaseTenths = parseChiefBase(options.chiefBase, ctx.config.chiefBase, ctx.lang);
    const chief = parsed.rows.find((r) => r.title === 'chief');
    if (chief && chiefBaseTenths === undefined) {
      throw new DubanError('USAGE', say(ctx.lang, 'points.error.chiefBaseMissing', { file, line: chief.line, person: chief.person }), {
        place: { file, line: chief.line, argument: '--chief-base' },
      });
    }
    const month = computeMonthPoints(parsed.rows, { chiefBaseTenths, poolCents });
    if (poolCents !== undefined && month.totalTenths === 0) {
      throw new DubanError('INPUT_INVALID', say(ctx.lang, 'points.error.zeroPoints', { file }), { place: { file } });
    }
    printMonth(month, ctx);
    return toJson(file, month, chiefBaseTenths);
  },
};

async function readSource(file: string, lang: Language): Promise<Uint8Array> {
  try {
    return (await readInputFile(file)).bytes;
  } catch (error) {
    throw new DubanError('INPUT_INVALID', say(lang, 'points.error.unreadable', { file, reason: (error as Error).message }), {
      place: { file, argument: '--input' },
      cause: error,
    });
  }
}

function csvError(file: string, problems: readonly PointsCsvProblem[], lang: Language): DubanError {
  const describe = (p: PointsCsvProblem) => say(lang, `points.error.${p.kind}`, { file, ...p });
  const first = problems[0]!;
  const more = problems.length > 1 ? ` ${say(lang, 'points.error.more', { count: problems.length - 1 })}` : '';
  return new DubanError('INPUT_INVALID', describe(first) + more, {
    place: { file, line: first.line, ...('column' in first ? { path: first.column } : {}) },
    details: { problems: problems.map((p) => ({ ...p, message: describe(p) })) },
  });
}

function parsePool(value: unknown, lang: Language): number | undefined {
  if (value === undefined) return undefined;
  const cents = parseScaled(String(value), 2);
  if (cents === undefined) throw new DubanError('USAGE', say(lang, 'points.error.pool', { value: String(value) }), { place: { argument: '--pool' } });
  return cents;
}

// The option wins over the config; the config may hold a number or a string.
function parseChiefBase(option: unknown, config: unknown, lang: Language): number | undefined {
  const [value, source] = option !== undefined ? [option, '--chief-base'] : [config, 'pluginConfig.medtech.chiefBase'];
  if (value === undefined || value === null) return undefined;
  const tenths = typeof value === 'number' || typeof value === 'string' ? parseScaled(String(value), 1) : undefined;
  if (tenths === undefined) {
    throw new DubanError('USAGE', say(lang, 'points.error.chiefBaseValue', { source, value: String(value) }), { place: { argument: source } });
  }
  return tenths;
}

function printMonth(month: MonthPoints, ctx: PureCommandContext): void {
  const withPool = month.poolCents !== undefined;
  const headers = [
    say(ctx.lang, 'points.column.person'),
    say(ctx.lang, 'points.column.title'),
    say(ctx.lang, 'points.column.base'),
    say(ctx.lang, 'points.column.workload'),
    say(ctx.lang, 'points.column.total'),
    ...(withPool ? [say(ctx.lang, 'points.column.share')] : []),
  ];
  const rows = month.people.map((p) => [
    p.person,
    say(ctx.lang, `title.${p.title}`),
    formatScaled(p.baseTenths, 1),
    formatScaled(p.workloadTenths, 1),
    formatScaled(p.totalTenths, 1),
    ...(withPool ? [formatScaled(p.shareCents!, 2)] : []),
  ]);
  const total = [say(ctx.lang, 'points.totalRow'), '', '', '', formatScaled(month.totalTenths, 1), ...(withPool ? [formatScaled(month.poolCents!, 2)] : [])];
  for (const line of formatTable(headers, [...rows, total], new Set([2, 3, 4, 5]))) ctx.print(line);
  if (withPool) ctx.print(say(ctx.lang, 'points.tieRule'));
}

// JSON keeps exact values twice: points as numbers (a tenth prints exactly) and money
// as a decimal string plus integer cents, so no reader has to trust a float.
function toJson(file: string, month: MonthPoints, chiefBaseTenths: number | undefined) {
  return {
    file,
    chiefBase: chiefBaseTenths === undefined ? null : chiefBaseTenths / 10,
    pool: month.poolCents === undefined ? null : formatScaled(month.poolCents, 2),
    poolCents: month.poolCents ?? null,
    totalPoints: month.totalTenths / 10,
    people: month.people.map((p) => ({
      line: p.line,
      person: p.person,
      title: p.title,
      counts: Object.fromEntries(COUNT_COLUMNS.map((c) => [c, p.counts[c]])),
      extra: p.extra,
      basePoints: p.baseTenths / 10,
      workloadPoints: p.workloadTenths / 10,
      totalPoints: p.totalTenths / 10,
      ...(p.shareCents === undefined ? {} : { share: formatScaled(p.shareCents, 2), shareCents: p.shareCents }),
    })),
  };
}
