import type { DateTime } from 'luxon';
import type { DemoRandom } from './demoRandom.js';

/** A smear grade as the registers write it. */
export type Grade = 'NEG' | 'SCANTY' | '1+' | '2+' | '3+';

/** One line of a county laboratory's slide register. */
export interface RegisterLine {
  readonly slide: string;
  readonly result: Grade;
  readonly examinedOn: string;
  readonly patient: string;
}

/** A laboratory's yearly workload, which sizes its registers and its LQAS sample. */
export interface LabVolume {
  readonly annualNegatives: number;
  readonly positivity: number;
}

/** A county laboratory's yearly negative-slide volume and slide positivity rate. */
export function labVolume(random: DemoRandom): LabVolume {
  return { annualNegatives: random.int(70, 160) * 10, positivity: Math.round(random.between(0.06, 0.13) * 1000) / 1000 };
}

/**
 * A quarter's register of a county laboratory (痰涂片登记本): about a quarter of its yearly
 * slides, negative or graded positive at its positivity rate, examined on days of the
 * quarter. Slide ids read like the lab's own numbering, `HX-2026Q2-0001`.
 */
export function quarterRegister(random: DemoRandom, code: string, quarterStart: DateTime, volume: LabVolume): RegisterLine[] {
  const count = Math.round(((volume.annualNegatives / 4) * random.between(0.85, 1.15)) / (1 - volume.positivity));
  const days = Math.round(quarterStart.plus({ months: 3 }).diff(quarterStart, 'days').days);
  const tag = `${quarterStart.year}Q${quarterStart.quarter}`;
  // Dates computed once per day of the quarter: date arithmetic in a zone is slow.
  const dates = Array.from({ length: days }, (_, day) => quarterStart.plus({ days: day }).toISODate()!);
  const examined = Array.from({ length: count }, () => random.int(0, days - 1)).sort((a, b) => a - b);
  return examined.map((day, i) => ({
    slide: `${code}-${tag}-${String(i + 1).padStart(4, '0')}`,
    result: random.chance(volume.positivity) ? positiveGrade(random) : 'NEG',
    examinedOn: dates[day]!,
    patient: `${code}${String(quarterStart.year).slice(2)}${String(random.int(1, 9999)).padStart(4, '0')}`,
  }));
}

/** The register as the CSV `duban tb import` reads. */
export function registerCsv(lines: readonly RegisterLine[]): string {
  return `slide,result,examined_on,patient_no\n${lines.map((l) => `${l.slide},${l.result},${l.examinedOn},${l.patient}`).join('\n')}\n`;
}

function positiveGrade(random: DemoRandom): Grade {
  const roll = random.next();
  return roll < 0.1 ? 'SCANTY' : roll < 0.5 ? '1+' : roll < 0.8 ? '2+' : '3+';
}
