/**
 * What every scale-out scenario shares: Azurite (Blob storage), the local profile service standing in for Graph
 * (Alex has a profile), a proxy in front of it that can hold a request, and the built bot, started as separate
 * processes that all use the same blob container.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PersonInterest } from '../../src/domain/personInterest';
import { startProfileService, type RunningProfileService } from '../../profileService/server';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import type { Activity } from 'botbuilder';
import { ALEX, buildBotOnce, everythingSaid, startBotProcess, textsOf, type BotProcess, type TurnReply } from '../support/botProcess';
import { startHoldingProxy, type HoldingProxy } from './holdingProxy';

export interface ScaleOutEnvironment {
  readonly azurite: RunningAzurite;
  readonly service: RunningProfileService;
  /** In front of the profile service; instances started with `{ throughProxy: true }` call Graph through it. */
  readonly proxy: HoldingProxy;
  startInstance(options?: { throughProxy?: boolean }): Promise<BotProcess>;
  /** Alex's interests with this name, as the profile service stores them. */
  interestsNamed(name: string): PersonInterest[];
  close(): Promise<void>;
}

export async function startScaleOutEnvironment(): Promise<ScaleOutEnvironment> {
  const [entry, azurite] = await Promise.all([buildBotOnce(), startAzurite()]);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scale-out-profiles-'));
  const service = await startProfileService({ port: 0, dataDir, seed: { userIds: [ALEX.aadObjectId] } });
  const proxy = await startHoldingProxy(service.url);
  const instances: BotProcess[] = [];
  return {
    azurite,
    service,
    proxy,
    async startInstance(options = {}) {
      const instance = await startBotProcess({
        entry,
        env: {
          STORAGE_KIND: 'blob',
          STORAGE_BLOB_CONNECTION_STRING: azurite.connectionString,
          STORAGE_BLOB_CONTAINER: 'bot-state',
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
      await azurite.stop();
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
