import { DubanError } from '../errors/DubanError.js';
import type { Db } from '../store/Store.js';
import type { ChainSpec } from './chainSchema.js';
import { compileChain, type CompiledChain } from './compileChain.js';
import type { TaskTypeLookup } from './ChainTypes.js';
import type { ParsedChain } from './parseChainSource.js';

/** A registered chain version, as `chains list` shows it. */
export interface ChainVersionInfo {
  readonly id: string;
  readonly version: number;
  readonly title: ChainSpec['title'];
  readonly contentHash: string;
  readonly source: string;
  readonly registeredAt: string;
}

/**
 * The versioned definitions. Every version ever registered stays in the database, so an
 * instance pinned to version 1 keeps running on version 1 after version 2 arrives.
 * Compiled machines are cached per `id@version`.
 */
export class ChainRegistry {
  readonly #cache = new Map<string, CompiledChain>();

  constructor(
    private readonly db: Db,
    private readonly taskTypes: TaskTypeLookup,
  ) {}

  /**
   * Registers a parsed chain. The same `id@version` with the same content is a no-op;
   * with different content it is refused, because running instances depend on it.
   * The chain is compiled first, so a chain naming an unknown task type writes nothing.
   *
   * @returns true when a new version was stored.
   * @throws DubanError `CHAIN_VERSION_CONFLICT`, `CHAIN_INVALID`.
   */
  async register(parsed: ParsedChain, at: Date, db: Db = this.db): Promise<boolean> {
    const { spec, contentHash, source } = parsed;
    compileChain(spec, contentHash, this.taskTypes, source);
    const existing = await db
      .selectFrom('chain_definitions')
      .select(['content_hash', 'source'])
      .where('id', '=', spec.id)
      .where('version', '=', spec.version)
      .executeTakeFirst();
    if (existing) {
      if (existing.content_hash === contentHash) return false;
      throw new DubanError(
        'CHAIN_VERSION_CONFLICT',
        `${source}: ${spec.id}@${spec.version} is already registered (from ${existing.source}) with different content; raise "version"`,
        { place: { file: source, path: 'version' } },
      );
    }
    await db
      .insertInto('chain_definitions')
      .values({
        id: spec.id,
        version: spec.version,
        content_hash: contentHash,
        source,
        source_sha256: parsed.sourceSha256,
        spec: JSON.stringify(spec),
        registered_at: at.toISOString(),
      })
      .execute();
    // Cached on first get(): the surrounding transaction may still roll back.
    return true;
  }

  /** True when a chain with exactly this source text is registered (so it need not be parsed again). */
  async hasSource(sourceSha256: string, db: Db = this.db): Promise<boolean> {
    const row = await db.selectFrom('chain_definitions').select('id').where('source_sha256', '=', sourceSha256).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The compiled chain of `id@version`; without a version, the latest registered. */
  async get(id: string, version?: number, db: Db = this.db): Promise<CompiledChain> {
    if (version !== undefined) {
      const hit = this.#cache.get(`${id}@${version}`);
      if (hit) return hit;
    }
    let query = db.selectFrom('chain_definitions').selectAll().where('id', '=', id);
    query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
    const row = await query.executeTakeFirst();
    if (!row) {
      throw new DubanError('CHAIN_NOT_FOUND', `no chain "${id}"${version === undefined ? '' : `@${version}`} is registered`, {
        place: { argument: id },
      });
    }
    const key = `${row.id}@${row.version}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const compiled = compileChain(JSON.parse(row.spec) as ChainSpec, row.content_hash, this.taskTypes, row.source);
    this.#cache.set(key, compiled);
    return compiled;
  }

  /** Every registered version, newest version of each chain last. */
  async list(db: Db = this.db): Promise<ChainVersionInfo[]> {
    const rows = await db.selectFrom('chain_definitions').selectAll().orderBy('id').orderBy('version').execute();
    return rows.map((r) => ({
      id: r.id,
      version: Number(r.version),
      title: (JSON.parse(r.spec) as ChainSpec).title,
      contentHash: r.content_hash,
      source: r.source,
      registeredAt: r.registered_at,
    }));
  }
}
