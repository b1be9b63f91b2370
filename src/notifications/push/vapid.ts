import { createECDH, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import { ConfigError, type Config } from '../../config.js';

/**
 * The VAPID identity Pandora signs every push with (RFC 8292): a P-256 key pair in
 * base64url (the public key as the 65-byte uncompressed point browsers take as
 * `applicationServerKey`, the private key as its 32 bytes) and a contact for the push
 * services. A browser's subscription is bound to the public key: a new pair orphans
 * every subscription, so the pair is made once and kept.
 */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export type VapidConfig = Pick<
  Config,
  'vapidPublicKey' | 'vapidPrivateKey' | 'vapidSubject' | 'dataDir' | 'publicUrl'
>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeKey(value: string, name: string, bytes: number): Buffer {
  const decoded = BASE64URL.test(value) ? Buffer.from(value, 'base64url') : Buffer.alloc(0);
  if (decoded.length !== bytes) {
    throw new ConfigError(
      `${name} must be ${bytes} bytes in base64url (as \`npx web-push generate-vapid-keys\` prints them), got ${decoded.length}`,
    );
  }
  return decoded;
}

/** Checks a pair: the right sizes, and the private key is the public key's. */
export function checkVapidKeyPair(
  publicKey: string,
  privateKey: string,
  source: { publicName: string; privateName: string },
): void {
  const publicBytes = decodeKey(publicKey, source.publicName, 65);
  const privateBytes = decodeKey(privateKey, source.privateName, 32);
  const ecdh = createECDH('prime256v1');
  try {
    ecdh.setPrivateKey(privateBytes);
  } catch (error) {
    throw new ConfigError(`${source.privateName} is not a P-256 private key`, { cause: error });
  }
  if (!ecdh.getPublicKey().equals(publicBytes)) {
    throw new ConfigError(
      `${source.publicName} is not the public key of ${source.privateName}; set both from one pair`,
    );
  }
}

/**
 * The contact push services may write to about this sender. They refuse anything but
 * `mailto:` or `https:`; without VAPID_SUBJECT an https public URL is used, else a
 * local mailbox (push services accept it, but an operator should set a real one).
 */
export function vapidSubject(config: Pick<Config, 'vapidSubject' | 'publicUrl'>): string {
  const subject =
    config.vapidSubject ??
    (config.publicUrl?.startsWith('https://') ? config.publicUrl : 'mailto:pandora@localhost');
  if (!/^mailto:[^@\s]+@[^@\s]+$/.test(subject) && !/^https:\/\/[^\s/]+/.test(subject)) {
    throw new ConfigError(
      `VAPID_SUBJECT must be a mailto: address or an https: URL, got "${subject}"`,
    );
  }
  return subject;
}

interface KeyFile {
  publicKey: string;
  privateKey: string;
}

async function readKeyFile(file: string): Promise<KeyFile> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<KeyFile>;
  const names = { publicName: `${file} publicKey`, privateName: `${file} privateKey` };
  checkVapidKeyPair(String(parsed.publicKey), String(parsed.privateKey), names);
  return { publicKey: parsed.publicKey!, privateKey: parsed.privateKey! };
}

/**
 * The pair in `file`, made on first use. It is written whole to a file of its own
 * (mode 0600) and then hard-linked into place: `link` fails when the name exists, so
 * of two processes starting at once exactly one pair wins, and nobody ever reads a
 * half-written file (which `writeFile` with the `wx` flag alone would allow).
 */
export async function readOrCreateKeyFile(file: string): Promise<KeyFile> {
  try {
    return await readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const generated = webpush.generateVAPIDKeys();
  const pair: KeyFile = { publicKey: generated.publicKey, privateKey: generated.privateKey };
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    // writeFile's mode is masked by the umask; the private key is nobody else's business.
    await chmod(temporary, 0o600);
    await link(temporary, file);
    return pair;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * The keys from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY (both or neither), else from
 * `<dataDir>/vapid.json`, generated there once and reused after.
 */
export async function loadVapidKeys(config: VapidConfig): Promise<VapidKeys> {
  const subject = vapidSubject(config);
  const { vapidPublicKey, vapidPrivateKey } = config;
  if (vapidPublicKey || vapidPrivateKey) {
    if (!vapidPublicKey || !vapidPrivateKey) {
      throw new ConfigError(
        `${vapidPublicKey ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'} is required with ${vapidPublicKey ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY'} (set both from one pair, or neither to have one generated)`,
      );
    }
    checkVapidKeyPair(vapidPublicKey, vapidPrivateKey, {
      publicName: 'VAPID_PUBLIC_KEY',
      privateName: 'VAPID_PRIVATE_KEY',
    });
    return { publicKey: vapidPublicKey, privateKey: vapidPrivateKey, subject };
  }
  const pair = await readOrCreateKeyFile(path.join(config.dataDir, 'vapid.json'));
  return { ...pair, subject };
}
