import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PersonInterest } from '@microsoft/microsoft-graph-types-beta';
import { silentLogger, type Logger } from '../src/logger';
import { FaultController } from './faults';
import { createInterestHandlers } from './interestHandlers';
import type { Caller } from './interestEntity';
import { InterestStore } from './interestStore';
import { DEFAULT_PAGE_SIZE } from './listQuery';
import { createRequestPipeline } from './requestPipeline';
import { RequestStats } from './requestStats';
import { colleagueDirectoryEntries, SEED_COLLEAGUES, seedInterestsOfColleague } from './seedColleagues';
import { seedInterestsFor } from './seedInterests';
import { UserDirectory } from './userDirectory';
import { SERVICE_LIMITS } from './serviceLimits';

export interface ProfileServiceSeed {
  /** These users get seed interests at start-up unless they already have a stored profile. */
  userIds?: string[];
  /** Every user without a stored profile gets seed interests on their first request (local demo mode). */
  allNewUsers?: boolean;
  /**
   * The development tenant's colleagues (`SEED_COLLEAGUES`) exist, with their interests, from start-up: what
   * `/me/people` and reads of colleagues' interests find locally.
   */
  colleagues?: boolean;
}

export interface ProfileServiceOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Directory of the JSON data file; created when missing. Without one, the data is kept in memory only. */
  dataDir: string | undefined;
  seed?: ProfileServiceSeed;
  clock?: () => Date;
  maxBodyBytes?: number;
  /** Page size when a list request has no `$top`. */
  defaultPageSize?: number;
  logger?: Logger;
}

/** Read access for tests to what the service has stored. */
export interface ProfileStoreView {
  listInterests(userId: string): PersonInterest[];
  /** Stores an item as a sync or Microsoft 365 would, server-set fields (createdBy, source, dates) included. */
  putInterest(userId: string, interest: PersonInterest & { id: string }): Promise<void>;
}

export interface RunningProfileService {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `url + '/beta'`, what a Graph client uses as its base URL. */
  readonly graphBaseUrl: string;
  readonly faults: FaultController;
  readonly stats: RequestStats;
  readonly store: ProfileStoreView;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

const CLOSE_GRACE_MS = 2000;

/**
 * Stops accepting connections and drops idle keep-alive ones, so close() does not wait for clients to hang up.
 * Requests in flight may finish (their writes are awaited); a connection still busy after a grace period is cut.
 */
function stopServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const forceClose = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
    server.close((error) => {
      clearTimeout(forceClose);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

// A wildcard bind address is not something a client can connect to; links use loopback instead.
const connectableHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

/** Starts the local Graph-compatible `/profile/interests` service (see docs/profile-service.md). */
export async function startProfileService(options: ProfileServiceOptions): Promise<RunningProfileService> {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  const store = options.dataDir === undefined ? InterestStore.inMemory() : await InterestStore.open(options.dataDir);
  for (const userId of options.seed?.userIds ?? []) await store.createProfile(userId, seedInterestsFor(userId, clock()));
  const directory = new UserDirectory();
  if (options.seed?.colleagues) {
    for (const colleague of SEED_COLLEAGUES) await store.createProfile(colleague.oid, seedInterestsOfColleague(colleague, clock()));
    for (const entry of colleagueDirectoryEntries()) directory.remember(entry);
  }

  const ensureProfile = async (caller: Caller, now: Date): Promise<void> => {
    if (options.seed?.allNewUsers && !store.hasProfile(caller.oid)) await store.createProfile(caller.oid, seedInterestsFor(caller.oid, now, caller.name ?? null));
  };
  const faults = new FaultController();
  const stats = new RequestStats();
  let hostForLinks = connectableHost(host);
  const handle = createRequestPipeline(
    {
      handlers: createInterestHandlers({ store, logger, defaultPageSize: options.defaultPageSize ?? DEFAULT_PAGE_SIZE }),
      faults,
      stats,
      clock,
      maxBodyBytes: options.maxBodyBytes ?? SERVICE_LIMITS.defaultMaxBodyBytes,
      logger,
      ensureProfile,
      directory,
      hasProfile: (oid) => store.hasProfile(oid),
    },
    () => hostForLinks,
  );
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('Response could not be written', { error });
      response.destroy();
    });
  });
  const address = await listen(server, options.port ?? 0, host);
  hostForLinks = `${connectableHost(host)}:${address.port}`;
  const url = `http://${hostForLinks}`;
  logger.info('Profile service listening', { url, dataFile: store.filePath ?? 'none (in memory only)' });

  let closing: Promise<void> | undefined;
  return {
    url,
    graphBaseUrl: `${url}/beta`,
    faults,
    stats,
    store: { listInterests: (userId) => store.list(userId), putInterest: (userId, interest) => store.add(userId, interest) },
    close: () => {
      closing ??= stopServer(server).then(() => store.settled());
      return closing;
    },
  };
}
