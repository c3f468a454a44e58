import type { Kysely, Transaction } from '../../../core/plugin/index.js';

/**
 * The plugin's own tables. The laboratory's results live here (`tb_lab_register_slide`)
 * and nowhere else: never in a chain instance's context, an event or the audit log.
 */
export interface TbLabSchema {
  tb_lab_register: {
    id: string;
    department: string;
    quarter: string;
    version: number;
    source: string;
    slides: number;
    positives: number;
    negatives: number;
    imported_by: string;
    imported_at: string;
  };
  tb_lab_register_slide: {
    register_id: string;
    slide: string;
    line: number;
    result: string;
    examined_on: string | null;
    extra: string;
  };
  tb_lab_round: {
    id: string;
    register_id: string;
    department: string;
    quarter: string;
    seed: number | string;
    plan: string;
    sample_size: number;
    recheck_due: string;
    created_at: string;
    verdict: string | null;
    evaluated_at: string | null;
  };
  tb_lab_selection: {
    round_id: string;
    slide: string;
    position: number;
  };
  tb_lab_reading: {
    round_id: string;
    slide: string;
    reader: string;
    grade: string;
    specimen: string | null;
    staining: string | null;
    thickness: string | null;
    smear_size: string | null;
    evenness: string | null;
    cleanliness: string | null;
    read_by: string;
    read_at: string;
  };
}

/** A handle on the plugin's tables: the database or an open transaction. */
export type TbDb = Kysely<TbLabSchema> | Transaction<TbLabSchema>;

/** Views the host's untyped handle (`ctx.db`) through the plugin's schema. */
export function tbDb(db: Kysely<any>): Kysely<TbLabSchema> {
  return db as Kysely<TbLabSchema>;
}
