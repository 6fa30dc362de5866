// The master key encrypts app secrets at rest. The secret itself must stay recoverable, because a
// userKey is an HMAC keyed by it and a user token is a JWT signed with it; a hash alone can't verify
// either. So the database holds sha256(secret) for Bearer auth and AES-256-GCM(masterKey, secret) for
// the HMAC/JWT checks; a stolen database without the master key yields neither.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class MasterKey {
  private constructor(private readonly key: Buffer) {}

  /** Any string becomes a 256-bit key through sha256, so an env var can hold a passphrase or hex. */
  static fromString(value: string): MasterKey {
    return new MasterKey(createHash('sha256').update(value).digest());
  }

  /** Reads the key file, creating it (random, mode 0600) the first time. Safe against a concurrent creator. */
  static fromFile(path: string): MasterKey {
    try {
      return MasterKey.fromString(readFileSync(path, 'utf8').trim());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return MasterKey.fromString(readFileSync(path, 'utf8').trim());
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
