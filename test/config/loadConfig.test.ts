import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDefaultSearchPlaces } from 'cosmiconfig';
import { loadConfig, SEARCH_PLACES } from '../../core/config/loadConfig.js';
import { DubanError } from '../../core/errors/DubanError.js';

let root: string;
let env: NodeJS.ProcessEnv;

// A machine in a folder: /etc (system-wide), the user's XDG config folder, a project tree.
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'duban-config-'));
  for (const dir of ['etc', 'xdg/duban', 'office/reports/2026']) mkdirSync(join(root, dir), { recursive: true });
  env = { DUBAN_SYSTEM_CONFIG: join(root, 'etc', 'config.yaml'), XDG_CONFIG_HOME: join(root, 'xdg') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => writeFileSync(join(root, path), text);
const deep = () => join(root, 'office/reports/2026');

async function configError(run: Promise<unknown>): Promise<DubanError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DubanError);
  return error as DubanError;
}

describe('where the config is found', () => {
  it('finds the folder config two folders up from the working folder', async () => {
    write('office/duban.config.yaml', 'person: p-office\n');
    const config = await loadConfig(deep(), undefined, { env });
    expect(config.person).toBe('p-office');
    expect(config.configFile).toBe(join(root, 'office/duban.config.yaml'));
    expect(config.configDir).toBe(join(root, 'office'));
  });

  it('merges system-wide, user and folder configs, the nearest winning each top-level key', async () => {
    write('etc/config.yaml', 'db: data/duban.db\ntimeZone: Asia/Urumqi\nlateAfterMs: 100\npollIntervalMs: 900\n');
    write('xdg/duban/config.yaml', 'lateAfterMs: 200\nperson: p-user\n');
    write('office/duban.config.yaml', 'person: p-office\nnotify:\n  defaultChannels: [log]\n');
    const config = await loadConfig(deep(), undefined, { env });
    expect(config).toMatchObject({ timeZone: 'Asia/Urumqi', pollIntervalMs: 900, lateAfterMs: 200, person: 'p-office', notify: { defaultChannels: ['log'] } });
    // A relative path means the folder of the file that gave it, not the working folder.
    expect(config.db).toBe(join(root, 'etc/data/duban.db'));
    expect(config.configFiles).toEqual([join(root, 'etc/config.yaml'), join(root, 'xdg/duban/config.yaml'), join(root, 'office/duban.config.yaml')]);
  });

  it('resolves plugins from the folder of the file that lists them', async () => {
    write('xdg/duban/config.yaml', 'plugins: [./radiology]\n');
    write('office/duban.config.yaml', 'person: p-office\n');
    const config = await loadConfig(deep(), undefined, { env });
    expect(config.pluginsDir).toBe(join(root, 'xdg/duban'));
    expect(config.configFile).toBe(join(root, 'office/duban.config.yaml'));
  });

  it('reads only the file DUBAN_CONFIG names, like --config', async () => {
    write('etc/config.yaml', 'timeZone: Asia/Urumqi\n');
    write('office/duban.config.yaml', 'person: p-office\n');
    write('elsewhere.yaml', 'person: p-named\n');
    const config = await loadConfig(deep(), undefined, { env: { ...env, DUBAN_CONFIG: join(root, 'elsewhere.yaml') } });
    expect(config.person).toBe('p-named');
    expect(config.timeZone).toBeUndefined();
    expect(config.configFiles).toEqual([join(root, 'elsewhere.yaml')]);
  });

  it('names the file and the field of an invalid system-wide config', async () => {
    write('etc/config.yaml', 'postgres:\n  poolSize: 0\n');
    const error = await configError(loadConfig(deep(), undefined, { env }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.place).toMatchObject({ file: join(root, 'etc/config.yaml'), path: 'postgres.poolSize' });
  });
});

describe('secrets outside the config file', () => {
  const hook = (secret: string) => `notify:\n  webhooks:\n    - { name: ward, url: "https://robot.example/send", preset: dingtalk, secret: "${secret}" }\n`;

  it('takes ${NAME} from the environment in the database URL and a webhook key', async () => {
    write('office/duban.config.yaml', `db: "postgres://duban:\${DUBAN_DB_PASSWORD}@db.example/duban"\n${hook('${WARD_ROBOT_SECRET}')}`);
    const config = await loadConfig(deep(), undefined, { env: { ...env, DUBAN_DB_PASSWORD: 's3cret', WARD_ROBOT_SECRET: 'SECabc' } });
    expect(config.db).toBe('postgres://duban:s3cret@db.example/duban');
    expect(config.notify?.webhooks?.[0]?.secret).toBe('SECabc');
  });

  it('takes ${file:PATH} from a file, relative to the config file, without its last newline', async () => {
    mkdirSync(join(root, 'office/secrets'));
    write('office/secrets/db', 's3cret\n');
    write('office/secrets/ward', 'SECfromfile\n');
    write('office/duban.config.yaml', `db: "postgres://duban:\${file:secrets/db}@db.example/duban"\n${hook(`\${file:${join(root, 'office/secrets/ward')}}`)}`);
    const config = await loadConfig(deep(), undefined, { env });
    expect(config.db).toBe('postgres://duban:s3cret@db.example/duban');
    expect(config.notify?.webhooks?.[0]?.secret).toBe('SECfromfile');
  });

  it('keeps $${ as a literal ${', async () => {
    write('office/duban.config.yaml', 'person: "$${literal}"\n');
    expect((await loadConfig(deep(), undefined, { env })).person).toBe('${literal}');
  });

  it('is CONFIG_INVALID naming the file and the field when the variable is unset', async () => {
    write('office/duban.config.yaml', hook('${WARD_ROBOT_SECRET}'));
    const error = await configError(loadConfig(deep(), undefined, { env }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.place).toMatchObject({ file: join(root, 'office/duban.config.yaml'), path: 'notify.webhooks.0.secret' });
    expect(error.message).toContain('WARD_ROBOT_SECRET');
  });

  it('is CONFIG_INVALID naming the field when the secret file is missing', async () => {
    write('office/duban.config.yaml', 'db: "postgres://duban:${file:secrets/nope}@db.example/duban"\n');
    const error = await configError(loadConfig(deep(), undefined, { env }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.place).toMatchObject({ path: 'db' });
    expect(error.message).toContain(join(root, 'office/secrets/nope'));
  });
});

// The folder search looks for the names itself before loading cosmiconfig; the list must
// stay cosmiconfig's own, plus the names the docs give.
describe('the names searched for', () => {
  it("are cosmiconfig's defaults for duban, then duban.config.json|yaml|yml", () => {
    expect(SEARCH_PLACES).toEqual([...getDefaultSearchPlaces('duban'), 'duban.config.json', 'duban.config.yaml', 'duban.config.yml']);
  });

  it("finds a package.json's duban key, and passes over one without it", async () => {
    write('office/package.json', JSON.stringify({ name: 'office', duban: { lang: 'en' } }));
    write('office/reports/package.json', JSON.stringify({ name: 'reports' }));
    const config = await loadConfig(deep(), undefined, { env });
    expect(config.lang).toBe('en');
    expect(config.configFile).toBe(join(root, 'office/package.json'));
  });
});
