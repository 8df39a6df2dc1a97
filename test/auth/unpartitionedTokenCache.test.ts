/**
 * Earlier versions kept every user's tokens (refresh tokens included) in one storage item, `msal/tokenCache`. Nothing
 * reads it since the cache went one item per user, so a bot started with a shared token cache deletes it, and leaves
 * the users' own items alone.
 */
import { startBotApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { createStorage } from '../../src/storage/createStorage';
import { UNPARTITIONED_CACHE_KEY, tokenCacheKeyFor } from '../../src/storage/msalCachePlugin';
import { useAzurite } from '../support/azuriteForTests';
import { goodSettings } from '../doctor/doctorSetup';

const azurite = useAzurite();

it('deletes the one item earlier versions kept for every user when the bot starts, and keeps each user\'s own', async () => {
  const container = azurite.freshContainer('old-cache');
  const settings = { ...goodSettings(azurite.connectionString), STORAGE_BLOB_CONTAINER: container, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  const storage = await createStorage({ kind: 'blob', connectionString: azurite.connectionString, container }, silentLogger);
  const ownKey = tokenCacheKeyFor({ tenantId: 'tenant', objectId: 'user' });
  await storage.write({ [UNPARTITIONED_CACHE_KEY]: { cipher: 'every user, refresh tokens included' }, [ownKey]: { cipher: 'one user' } });

  const server = await startBotApp({ config: loadConfig(settings, null), logger: silentLogger });
  try {
    const left = await storage.read([UNPARTITIONED_CACHE_KEY, ownKey]);
    expect(Object.keys(left)).toEqual([ownKey]);
  } finally {
    await server.close();
  }
});
