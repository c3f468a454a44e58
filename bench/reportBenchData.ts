import Database from 'better-sqlite3';
import { createDuban, mulberry32, SystemClock } from '../core/index.js';
import { builtinPlugins } from '../plugins/index.js';

/** What {@link writeReportBenchData} wrote. */
export interface ReportBenchData {
  readonly auditRows: number;
  readonly findings: number;
  readonly departments: number;
}

const DEPARTMENTS = 20;
const EVENTS_PER_FINDING = 10;
const DAY = 86_400_000;
const YEAR_START = Date.parse('2025-12-31T16:00:00.000Z'); // 2026-01-01 in Shanghai
const SEVERITIES = ['minor', 'minor', 'minor', 'major', 'major', 'critical'];

/**
 * Fills a fresh SQLite file with a year (2026) of a hospital's supervision history for the
 * report bench: `auditRows / 10` findings spread evenly over the year in 20 departments,
 * each with ten audit rows (open, acknowledge, notes, plan, an escalation for one in five,
 * action done, submit, closing for seven in ten, a reopen for some) and its read-model row;
 * four discipline checks a department a month, a duty-post inspection a department a
 * month, training sessions, and the quarterly slide QC rounds of six county labs. Written
 * with better-sqlite3 directly, in one transaction (the engine would take hours for a
 * million events); the hash chain is not valid, which the report does not read.
 */
export async function writeReportBenchData(file: string, auditRows: number, seed = 2026): Promise<ReportBenchData> {
  // The engine creates the schema, the plugins' tables and the chain definitions.
  const duban = await createDuban({ db: file, clock: new SystemClock(), plugins: builtinPlugins });
  // The instances written below are of each chain's registered version.
  const versions = new Map((await duban.chains.list()).map((c) => [c.id, c.version] as const));
  await duban.close();
  const random = mulberry32(seed);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const findings = Math.floor(auditRows / EVENTS_PER_FINDING);
  const iso = (ms: number) => new Date(ms).toISOString();
  const hex = (n: number) => n.toString(16).padStart(64, '0');
  db.transaction(() => {
    const department = db.prepare('insert into departments (id, parent_id, name_zh, name_en) values (?, null, ?, ?)');
    for (let d = 1; d <= DEPARTMENTS; d++) department.run(dept(d), `科室${d}`, `Department ${d}`);
    const audit = db.prepare('insert into audit_log (seq, at, actor, instance_id, chain, event, state_before, state_after, data, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const finding = db.prepare(
      `insert into findings (id, department_id, subject, subject_kind, category, severity, title_zh, title_en, status, assignee, level, due_at, flagged, open_actions, reopen_count, source_instance, opened_at, closed_at, escalated_at, updated_at)
       values (?, ?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, null, ?, ?, ?, ?)`,
    );
    let seq = 0;
    for (let i = 0; i < findings; i++) {
      const id = `f-bench-${i.toString(36).padStart(6, '0')}`;
      const department = dept(1 + Math.floor(random() * DEPARTMENTS));
      const severity = SEVERITIES[Math.floor(random() * SEVERITIES.length)]!;
      const opened = YEAR_START + Math.floor((i / findings) * 365 * DAY);
      const escalated = random() < 0.2;
      const closed = random() < 0.7;
      const reopened = closed && random() < 0.07;
      const events = ['start', 'ACK', 'NOTE', 'PLAN', escalated ? 'ESCALATE' : 'NOTE', 'NOTE', 'ACTION_DONE', 'SUBMIT', closed ? 'CLOSE' : 'NOTE', reopened ? 'REOPEN' : 'EVIDENCE'];
      const at = (k: number) => opened + Math.floor(k * 0.8 * DAY);
      events.forEach((event, k) => {
        seq += 1;
        const data =
          event === 'start'
            ? `{"input":{"category":"discipline.late","department":"${department}","dueAt":"${iso(opened + 7 * DAY)}","escalateNow":false,"id":"${id}","level":1,"recheckAfter":"P30D","severity":"${severity}","subject":"p${i % 997}","subjectKind":"person","title":"迟到","titleEn":"Late for work"}}`
            : `{"text":"第 ${k} 次记录：整改措施落实情况已核实，附件见督查台账","by":"office1"}`;
        audit.run(seq, iso(at(k)), 'office1', id, 'finding@1', event, null, null, data, hex(seq - 1), hex(seq));
      });
      const status = reopened ? 'open' : closed ? 'closed' : 'action_planned';
      const due = reopened ? at(9) + 7 * DAY : escalated ? at(4) + 3 * DAY : opened + 7 * DAY;
      finding.run(id, department, `p${i % 997}`, 'discipline.late', severity, '迟到', 'Late for work', status, 'head1', escalated ? 2 : 1, iso(due), reopened ? 1 : 0, iso(opened), closed && !reopened ? iso(at(8)) : null, escalated ? iso(at(4)) : null, iso(at(9)));
    }
    db.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(seq, hex(seq));
    writeChainInstances(db, random, versions);
  })();
  db.close();
  return { auditRows: findings * EVENTS_PER_FINDING, findings, departments: DEPARTMENTS };
}

function dept(n: number): string {
  return `D${String(n).padStart(2, '0')}`;
}

/** The plugins' instances and tables: what the discipline, slide QC and training sections read. */
function writeChainInstances(db: Database.Database, random: () => number, versions: ReadonlyMap<string, number>): void {
  const instance = db.prepare(
    `insert into instances (id, chain_id, chain_version, state, status, snapshot, revision, assignee_role, assignee_person, department_id, parent_id, created_by, created_at, updated_at)
     values (?, ?, ?, ?, 'done', ?, 3, null, null, ?, null, 'office1', ?, ?)`,
  );
  const insert = { run: (id: string, chain: string, ...rest: string[]) => instance.run(id, chain, versions.get(chain), ...rest) };
  for (let month = 0; month < 12; month++) {
    for (let d = 1; d <= DEPARTMENTS; d++) {
      for (let week = 0; week < 4; week++) {
        const at = new Date(Date.UTC(2026, month, 2 + week * 7, 1)).toISOString();
        const onLeave = random() < 0.3 ? 1 : 0;
        const onTime = 10 - onLeave - (random() < 0.4 ? 1 : 0);
        const records = Array.from({ length: 10 }, (_, k) => ({ person: `p${d}-${k}`, status: k < onTime ? 'on_time' : k < 10 - onLeave ? 'late' : 'on_leave' }));
        const punctuality = { expected: 10, onLeave, onTime, denominator: 10 - onLeave, rate: onTime / (10 - onLeave), target: 0.98, belowTarget: onTime * 10_000 < 9800 * (10 - onLeave) };
        const snapshot = JSON.stringify({ value: 'met', context: { input: { department: dept(d), roster: records.map((r) => r.person) }, data: { records, punctuality } } });
        insert.run(`i-dc-${month}-${d}-${week}`, 'discipline-check', 'met', snapshot, dept(d), at, at);
      }
      const at = new Date(Date.UTC(2026, month, 12, 15)).toISOString();
      const rounds = [{ by: 'insp1', at, posts: [{ post: `${dept(d)}-night`, present: true, handoverComplete: true, workLogFiled: true }] }];
      insert.run(`i-dp-${month}-${d}`, 'duty-post-inspection', 'closed', JSON.stringify({ value: 'closed', context: { input: { department: dept(d), posts: [{ post: `${dept(d)}-night` }] }, data: { rounds } } }), dept(d), at, at);
    }
    for (let s = 0; s < 5; s++) {
      const date = new Date(Date.UTC(2026, month, 5 + s * 4)).toISOString().slice(0, 10);
      const people = Array.from({ length: 12 }, (_, k) => `p${s}-${k}`);
      const data = {
        plan: { topic: `培训 ${month + 1}-${s}`, kind: 'technical', trainer: 't1', audience: [dept(1 + s)], plannedDate: date, yearlyTarget: 600 },
        attendance: { heldOn: date, expected: people, present: people.slice(0, 11) },
        assessment: { scores: people.slice(0, 11).map((person, k) => ({ person, score: 55 + k * 4 })) },
        makeUpResults: [],
      };
      insert.run(`i-tr-${month}-${s}`, 'training-session', 'archived', JSON.stringify({ value: 'archived', context: { input: { department: 'D01' }, data } }), 'D01', `${date}T01:00:00.000Z`, `${date}T01:00:00.000Z`);
    }
  }
  const round = db.prepare('insert into tb_lab_round (id, register_id, department, quarter, seed, plan, sample_size, recheck_due, created_at, verdict, evaluated_at) values (?, ?, ?, ?, 1, ?, 20, ?, ?, ?, ?)');
  const counts = { correct: 19, HFP: 0, HFN: 1, LFP: 0, LFN: 0, QE: 0 };
  const verdict = JSON.stringify({ slidesRead: 20, counts, firstCounts: counts, verdict: { passed: false, reasons: ['false-negatives'], majorErrors: 1, minorErrors: 0, falseNegatives: 1, acceptance: 0 }, controllerErrors: 0, smearQuality: { features: {}, slidesScored: 0, slidesAllGood: 0 } });
  for (let lab = 1; lab <= 6; lab++) {
    for (let q = 0; q < 4; q++) {
      const created = new Date(Date.UTC(2026, q * 3 + 1, 10)).toISOString();
      const evaluated = new Date(Date.UTC(2026, q * 3 + 2, 5)).toISOString();
      round.run(`r-${lab}-${q}`, `CL-0${lab}/2026-Q${q + 1}/1`, `CL-0${lab}`, `2026-Q${q + 1}`, JSON.stringify({ lqas: { sampleSize: 78 }, periodsPerYear: 4, periodSampleSize: 20 }), evaluated, created, verdict, evaluated);
    }
  }
}
