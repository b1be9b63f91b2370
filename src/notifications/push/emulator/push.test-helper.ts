import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from 'node:crypto';
import { afterAll } from 'vitest';
import type { PushMessage } from './controls.js';
import { createPushEmulator, type PushEmulator } from './emulator.js';

/**
 * Decrypts an `aes128gcm` web push body (RFC 8291 over RFC 8188) with the receiving
 * browser's keys, as a browser does: the sender's key and salt are in the body's header.
 */
export function decryptPushBody(body: Buffer, receiver: { ecdh: ECDH; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderKey = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (records.length > recordSize) throw new Error('a push body is one record');
  const receiverKey = receiver.ecdh.getPublicKey();
  const sharedSecret = receiver.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverKey, senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, receiver.auth, keyInfo, 32));
  const cek = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const nonce = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12),
  );
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([
    decipher.update(records.subarray(0, records.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('the last record has no 0x02 delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** A browser's side of a subscription: its endpoint and the keys only it holds. */
export interface TestSubscriber {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** What the push service accepted for this subscription, decrypted, oldest first. */
  received(): Array<{ message: PushMessage; payload: unknown }>;
}

/** Subscribes a "browser" of the test's own (P-256 key pair, 16-byte auth secret). */
export function createTestSubscriber(
  emulator: PushEmulator,
  options: { applicationServerKey?: string } = {},
): TestSubscriber {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const subscription = emulator.createSubscription(options);
  return {
    id: subscription.id,
    endpoint: subscription.endpoint,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    received: () =>
      emulator.messages
        .list(undefined, (message) => message.subscriptionId === subscription.id)
        .map((message) => ({
          message,
          payload: JSON.parse(
            decryptPushBody(Buffer.from(message.body, 'base64url'), { ecdh, auth }),
          ) as unknown,
        })),
  };
}

/** A push-service emulator on a free port, closed after the test file. */
export async function startTestPushEmulator(): Promise<{ emulator: PushEmulator; url: string }> {
  const emulator = await createPushEmulator();
  const url = await emulator.listen(0);
  afterAll(async () => {
    emulator.app.server.closeAllConnections();
    await emulator.close();
  });
  return { emulator, url };
}
