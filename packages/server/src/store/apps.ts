// Apps: created once (secret shown once), authenticated by the sha256 of their secret.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { newSecret, safeEqual, sha256Hex } from '../auth/crypto.js';
import type { MasterKey } from '../auth/masterKey.js';
import { nowIso } from '../ids.js';

export interface AppRecord {
  id: string;
  name: string;
}

export interface CreateAppInput {
  name: string;
  id?: string;
  secret?: string;
}

export class Apps {
  /** Decrypted secrets, cached per process: every session exchange needs one. */
  private readonly secrets = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly masterKey: MasterKey,
  ) {}

  async create(input: CreateAppInput): Promise<{ id: string; secret: string }> {
    const id = input.id ?? `app_${randomBytes(8).toString('hex')}`;
    const secret = input.secret ?? newSecret();
    await this.db.kysely
      .insertInto('apps')
      .values({ id, name: input.name, secret_hash: sha256Hex(secret), secret_enc: this.masterKey.encrypt(secret), created_at: nowIso() })
      .execute();
    this.secrets.set(id, secret);
    return { id, secret };
  }

  /** Creates the app or resets its name and secret (dev seeding). */
  async upsert(input: Required<Pick<CreateAppInput, 'id' | 'secret'>> & { name: string }): Promise<void> {
    const values = { name: input.name, secret_hash: sha256Hex(input.secret), secret_enc: this.masterKey.encrypt(input.secret) };
    await this.db.kysely
      .insertInto('apps')
      .values({ id: input.id, ...values, created_at: nowIso() })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    this.secrets.set(input.id, input.secret);
  }

  async bySecret(secret: string): Promise<AppRecord | undefined> {
    const hash = sha256Hex(secret);
    const row = await this.db.kysely.selectFrom('apps').select(['id', 'name', 'secret_hash']).where('secret_hash', '=', hash).executeTakeFirst();
    if (!row || !safeEqual(row.secret_hash, hash)) return undefined;
    return { id: row.id, name: row.name };
  }

  /** The app's plain secret, for HMAC / JWT verification; undefined for an unknown app. */
  async secretOf(appId: string): Promise<string | undefined> {
    const cached = this.secrets.get(appId);
    if (cached) return cached;
    const row = await this.db.kysely.selectFrom('apps').select('secret_enc').where('id', '=', appId).executeTakeFirst();
    if (!row) return undefined;
    let secret: string;
    try {
      secret = this.masterKey.decrypt(row.secret_enc);
    } catch {
      throw new Error(`the secret of app ${appId} was sealed with another master key: give every process the same BELFRY_MASTER_KEY`);
    }
    this.secrets.set(appId, secret);
    return secret;
  }
}
