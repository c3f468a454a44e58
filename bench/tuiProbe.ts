import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { FakeTerminal } from './fakeTerminal.js';

// One measured run of the console, in its own process so its start-up and peak RSS are
// its own: `node dist/bench/tuiProbe.js <db> <keys>`. Prints one JSON line. Times are
// milliseconds since this process started (performance.now()). For looking into a
// figure by hand: PROBE_LANG=zh-CN, PROBE_COLOR=0 and PROBE_ASCII=1 change the look,
// PROBE_COLUMNS and PROBE_ROWS the terminal's size.
const [db, keySpec] = process.argv.slice(2);
if (!db || !keySpec) throw new Error('usage: tuiProbe <db> <keys as JSON>');
const keys = JSON.parse(keySpec) as string[];
const COLUMNS = Number(process.env.PROBE_COLUMNS ?? 160);
const ROWS = Number(process.env.PROBE_ROWS ?? 48);
const KEY_GAP_MS = 33;
// A key whose frame takes longer than this is counted as a stall (none expected: every key moves the cursor).
const FRAME_TIMEOUT_MS = 2000;

// As runTui does, before Ink and React load.
await (await import('../cli/tui/prepareConsoleProcess.js')).prepareConsoleProcess();
const term = new FakeTerminal(COLUMNS, ROWS);
// The status line's position, in either language: "12 of 99,993", "第 12 / 99,993 项".
const POSITION = /(\d[\d,]*) (?:of|\/) ([\d,]+)/;
let firstFrameAt: number | undefined;
let firstDataFrameAt: number | undefined;
let waiter: ((at: number) => void) | undefined;
let lastFrame = '';
term.onFrame = (frame, at) => {
  if (POSITION.test(frame)) lastFrame = frame;
  firstFrameAt ??= at;
  // Rows and the count are on screen once the position line reads "1 of N" ("第 1 / N 项").
  if (firstDataFrameAt === undefined && POSITION.exec(frame)?.[1] === '1') firstDataFrameAt = at;
  waiter?.(at);
  waiter = undefined;
};

const [{ createDuban }, { builtinPlugins }, { createTuiData }, { render }, { createElement }, { App }, { createTheme }, { CONSOLE_RENDER_OPTIONS }] = await Promise.all([
  import('../core/index.js'),
  import('../plugins/index.js'),
  import('../cli/tui/data/createTuiData.js'),
  import('ink'),
  import('react'),
  import('../cli/tui/components/App.js'),
  import('../cli/tui/theme/Theme.js'),
  import('../cli/tui/runTui.js'),
]);
const importedAt = performance.now();
const duban = await createDuban({ db, plugins: builtinPlugins });
const openedAt = performance.now();
const app = render(
  createElement(App, {
    data: createTuiData(duban, 'office1'),
    lang: process.env.PROBE_LANG === 'zh-CN' ? 'zh-CN' : 'en',
    theme: createTheme({ color: process.env.PROBE_COLOR !== '0', ascii: process.env.PROBE_ASCII === '1' }),
    timeZone: duban.settings.timeZone,
    // Every open finding: the whole list to move through.
    filter: 'status:active',
  }),
  { stdout: term.stdout as unknown as NodeJS.WriteStream, stdin: term.stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, ...CONSOLE_RENDER_OPTIONS },
);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
while (firstDataFrameAt === undefined && performance.now() < 60_000) await sleep(2);
// Let the tab counts and the detail pane finish loading before typing.
await sleep(800);

const latencies: number[] = [];
let unchanged = 0;
const cpuBefore = process.cpuUsage();
// A key is pressed KEY_GAP_MS after the previous frame; latency counts from then, not
// from when this process got round to typing it: a terminal queues the key while the
// console is busy (a long query, a collection), and that wait is part of what the user feels.
let pressedAt = performance.now();
for (const key of keys) {
  const frame = new Promise<number | undefined>((resolve) => {
    waiter = resolve;
    setTimeout(() => resolve(undefined), FRAME_TIMEOUT_MS);
  });
  term.type(key);
  const at = await frame;
  waiter = undefined;
  if (at === undefined) unchanged++;
  else latencies.push(at - pressedAt);
  pressedAt = performance.now() + KEY_GAP_MS;
  await sleep(KEY_GAP_MS);
}
const cpu = process.cpuUsage(cpuBefore);
const position = POSITION.exec(lastFrame);
app.unmount();
await duban.close();
process.stdout.write(
  `${JSON.stringify({
    importedAt,
    openedAt,
    firstFrameAt,
    firstDataFrameAt,
    latencies,
    unchanged,
    position: position ? `${position[1]} of ${position[2]}` : null,
    maxRssMb: peakResidentMb(),
    cpuPerKeyMs: (cpu.user + cpu.system) / 1000 / keys.length,
  })}\n`,
);

/**
 * This process's peak resident memory (VmHWM). Not getrusage's maxRSS: Linux keeps that
 * across exec, so a probe spawned by a large bench process reported the bench's own peak.
 */
function peakResidentMb(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (kb === undefined) throw new Error('no VmHWM in /proc/self/status');
  return Number(kb) / 1024;
}
