import { DubanError } from '../errors/DubanError.js';
import type { Db } from '../store/Store.js';
import type { ChainSpec } from '../kernel/chainSchema.js';
import { compileChain, type CompiledChain } from '../kernel/compileChain.js';
import type { TaskTypeLookup } from '../kernel/ChainTypes.js';
import type { ParsedChain } from './parseChainSource.js';

/** Chain ids that belong to the core: no plugin may ship a version of them. */
export const CORE_CHAIN_IDS: readonly string[] = ['finding'];

/** The owner of the core's own chains. */
export const CORE_OWNER = 'core';

/** A registered chain version, as `chains list` shows it. */
export interface ChainVersionInfo {
  readonly id: string;
  readonly version: number;
  readonly title: ChainSpec['title'];
  readonly contentHash: string;
  readonly source: string;
  readonly registeredAt: string;
  readonly owner: string | null;
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
   * A chain id belongs to whoever registered it first (`core` for {@link CORE_CHAIN_IDS});
   * another owner's version is refused, so no plugin can shadow the core's chain or
   * another plugin's.
   *
   * @param owner `core` or the registering plugin's id.
   * @returns true when a new version was stored.
   * @throws DubanError `CHAIN_VERSION_CONFLICT`, `CHAIN_INVALID`, `CHAIN_OWNER_CONFLICT`.
   */
  async register(parsed: ParsedChain, at: Date, db: Db = this.db, owner: string = CORE_OWNER): Promise<boolean> {
    const { spec, contentHash, source } = parsed;
    compileChain(spec, contentHash, this.taskTypes, source);
    const holder = CORE_CHAIN_IDS.includes(spec.id) ? CORE_OWNER : ownerOf(await this.versions(spec.id, db));
    if (holder !== undefined && holder !== owner) {
      throw new DubanError(
        'CHAIN_OWNER_CONFLICT',
        `${source}: chain id "${spec.id}" belongs to ${holder === CORE_OWNER ? 'the core' : `plugin ${holder}`}; give the chain an id of its own`,
        { place: { file: source, path: 'id' }, details: { id: spec.id, owner: holder } },
      );
    }
    const existing = await db
      .selectFrom('chain_definitions')
      .select(['content_hash', 'source'])
      .where('id', '=', spec.id)
      .where('version', '=', spec.version)
      .executeTakeFirst();
    // Versions stored before owners were recorded become the owner's.
    await db.updateTable('chain_definitions').set({ owner }).where('id', '=', spec.id).where('owner', 'is', null).execute();
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
        owner,
      })
      .execute();
    // Cached on first get(): the surrounding transaction may still roll back.
    return true;
  }

  /** Who registered the chain id (`core` or a plugin id), or undefined for an unknown id. */
  async owner(id: string, db: Db = this.db): Promise<string | undefined> {
    return CORE_CHAIN_IDS.includes(id) ? CORE_OWNER : ownerOf(await this.versions(id, db));
  }

  /** True when `owner` registered a chain with exactly this source text (so it need not be parsed again). */
  async hasSource(sourceSha256: string, owner: string, db: Db = this.db): Promise<boolean> {
    const row = await db
      .selectFrom('chain_definitions')
      .select('id')
      .where('source_sha256', '=', sourceSha256)
      .where('owner', '=', owner)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The compiled chain of `id@version`; without a version, the latest registered. */
  async get(id: string, version?: number, db: Db = this.db): Promise<CompiledChain> {
    if (version !== undefined) {
      const hit = this.#cache.get(`${id}@${version}`);
      if (hit) return hit;
    }
    // The latest version is the latest of the id's owner: a version stored by anyone else
    // (before owners were checked) never shadows it.
    const wanted = version ?? latestOfOwner(await this.versions(id, db));
    const row =
      wanted === undefined
        ? undefined
        : await db.selectFrom('chain_definitions').selectAll().where('id', '=', id).where('version', '=', wanted).executeTakeFirst();
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
      owner: r.owner,
    }));
  }

  private async versions(id: string, db: Db): Promise<{ version: number; owner: string | null }[]> {
    const rows = await db.selectFrom('chain_definitions').select(['version', 'owner']).where('id', '=', id).orderBy('version').execute();
    return rows.map((r) => ({ version: Number(r.version), owner: r.owner }));
  }
}

// The owner of a chain id: the owner of its first version that has one.
function ownerOf(versions: readonly { owner: string | null }[]): string | undefined {
  return versions.find((v) => v.owner !== null)?.owner ?? undefined;
}

function latestOfOwner(versions: readonly { version: number; owner: string | null }[]): number | undefined {
  const owner = ownerOf(versions);
  const own = owner === undefined ? versions : versions.filter((v) => v.owner === owner);
  return own[own.length - 1]?.version;
}
