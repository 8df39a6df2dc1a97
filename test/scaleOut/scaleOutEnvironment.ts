/**
 * What every scale-out scenario shares: one storage (Azurite's Blob storage unless told otherwise), the local
 * profile service standing in for Graph (Alex has a profile), a proxy in front of it that can hold a request, and
 * the built bot, started as separate processes that all use the same container.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StorageConfig } from '../../src/config';
import type { PersonInterest } from '../../src/domain/personInterest';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { startAzurite } from '../support/azurite';
import type { Activity } from 'botbuilder';
import { ALEX, buildBotOnce, everythingSaid, startBotProcess, textsOf, type BotProcess, type TurnReply } from '../support/botProcess';
import { startHoldingProxy, type HoldingProxy } from './holdingProxy';

/** The storage every instance shares: the settings a bot process reads, and the same as a `createStorage` config. */
export interface SharedStorage {
  readonly botEnvironment: Readonly<Record<string, string>>;
  readonly config: StorageConfig;
  stop(): Promise<void>;
}

export async function startSharedAzurite(): Promise<SharedStorage> {
  const azurite = await startAzurite();
  const container = 'bot-state';
  return {
    botEnvironment: { STORAGE_KIND: 'blob', STORAGE_BLOB_CONNECTION_STRING: azurite.connectionString, STORAGE_BLOB_CONTAINER: container },
    config: { kind: 'blob', connectionString: azurite.connectionString, container },
    stop: () => azurite.stop(),
  };
}

export interface ScaleOutEnvironment {
  readonly storage: SharedStorage;
  readonly service: RunningProfileService;
  /** In front of the profile service; instances started with `{ throughProxy: true }` call Graph through it. */
  readonly proxy: HoldingProxy;
  startInstance(options?: { throughProxy?: boolean }): Promise<BotProcess>;
  /** Alex's interests with this name, as the profile service stores them. */
  interestsNamed(name: string): PersonInterest[];
  close(): Promise<void>;
}

export async function startScaleOutEnvironment(startStorage: () => Promise<SharedStorage> = startSharedAzurite): Promise<ScaleOutEnvironment> {
  const [entry, storage] = await Promise.all([buildBotOnce(), startStorage()]);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scale-out-profiles-'));
  const service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId] } });
  const proxy = await startHoldingProxy(service.url);
  const instances: BotProcess[] = [];
  return {
    storage,
    service,
    proxy,
    async startInstance(options = {}) {
      const instance = await startBotProcess({
        entry,
        env: {
          ...storage.botEnvironment,
          GRAPH_BASE_URL: `${options.throughProxy ? proxy.url : service.url}/beta`,
          // A held request must not be retried behind the test's back.
          GRAPH_MAX_RETRIES: '0',
        },
      });
      instances.push(instance);
      return instance;
    },
    interestsNamed: (name) => service.store.listInterests(ALEX.aadObjectId).filter((interest) => interest.displayName === name),
    async close() {
      await Promise.all(instances.map((instance) => instance.kill()));
      await proxy.close();
      await service.close();
      await storage.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether one of the replies asks `question` (a prompt's text, a prompt activity whose text it is, or a choice card's question). */
export function asks(reply: TurnReply, question: string | Partial<Activity>): boolean {
  const wanted = typeof question === 'string' ? question : (question.text ?? '');
  // The choice questions (tags, audience) are asked on a card, so the question may be in a card's text.
  return wanted !== '' && (textsOf(reply).some((text) => text.includes(wanted)) || everythingSaid(reply).includes(wanted));
}
