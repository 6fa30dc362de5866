// Offline administration (no HTTP server): used by `belfry-server create-app`.
import { MasterKey } from './auth/masterKey.js';
import { connectDb } from './db/connect.js';
import { resolveOptions, type BelfryServerOptions } from './options.js';
import { Apps } from './store/apps.js';

export async function createAppOffline(
  options: Pick<BelfryServerOptions, 'sqlitePath' | 'databaseUrl' | 'masterKey' | 'masterKeyPath'>,
  name: string,
): Promise<{ id: string; secret: string }> {
  const o = resolveOptions(options);
  const db = await connectDb({ databaseUrl: o.databaseUrl, sqlitePath: o.sqlitePath });
  try {
    const masterKey = o.masterKey ? MasterKey.fromString(o.masterKey) : MasterKey.fromFile(o.masterKeyPath);
    return await new Apps(db, masterKey).create({ name });
  } finally {
    await db.close();
  }
}
