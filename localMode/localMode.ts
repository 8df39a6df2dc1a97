/**
 * Local mode in one call: the local profile service (standing in for Graph), the bot with no app credentials
 * listening on loopback only, and the Agents Playground pointed at the bot. `npm run dev` and the end-to-end tests
 * both start it through `startLocalMode`, so the tests exercise exactly what a developer runs.
 */
import { startBotApp } from '../src/app';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import { startProfileService, type RunningProfileService } from '../profileService/server';
import { startLocaleEdge } from './localeEdge';
import { PLAYGROUND_USER, startPlayground, type RunningPlayground } from './playground';

/** The Playground sends no Bot Framework token and the bot checks none in local mode, so it is never reachable from outside. */
const LOCAL_BOT_HOST = '127.0.0.1';

export interface LocalModeOptions {
  /** A local-mode configuration (no app credentials). Ports may be 0 to pick free ones. */
  config: Config;
  logger: Logger;
  /** The Playground's working and log directory (default `./devTools`). */
  playgroundLogDir?: string;
}

export interface RunningLocalMode {
  /** The page to open in a browser. */
  readonly playgroundUrl: string;
  /** What the Playground posts activities to. */
  readonly botEndpoint: string;
  readonly profileService: RunningProfileService;
  /** Stops the Playground, then the bot, then the profile service; safe to call more than once. */
  stop(): Promise<void>;
}

export class LocalModeError extends Error {
  override readonly name = 'LocalModeError';
}

async function stopAll(stops: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  for (const stop of [...stops].reverse()) {
    try {
      await stop();
    } catch (error) {
      logger.error('A local-mode component did not stop cleanly', { error });
    }
  }
}

export async function startLocalMode(options: LocalModeOptions): Promise<RunningLocalMode> {
  const { config, logger } = options;
  if (config.mode !== 'local') {
    throw new LocalModeError('Local mode runs without app credentials: unset MICROSOFT_APP_ID and the other MICROSOFT_APP_* settings.');
  }
  const stops: Array<() => Promise<void>> = [];
  try {
    const profileService = await startProfileService({
      host: config.profileService.host,
      port: config.profileService.port,
      dataDir: config.profileService.dataDir,
      // The Playground's user starts with a realistic profile; an existing stored profile is kept as it is.
      // Colleagues of the development tenant give /me/people and colleague reads someone to find.
      seed: { userIds: [PLAYGROUND_USER.aadObjectId], colleagues: true },
      logger,
    });
    stops.push(() => profileService.close());

    // The bot talks to the service actually started (its port may have been picked at start-up).
    const bot = await startBotApp({ config, logger, graphBaseUrl: profileService.graphBaseUrl, host: LOCAL_BOT_HOST });
    stops.push(() => bot.close());
    const botEndpoint = `${bot.url}/api/messages`;

    // Another language to try (`LOCAL_LOCALE`, `LOCAL_TIMEZONE`): the Playground posts through the locale edge.
    const { locale, timeZone } = config.playground;
    let playgroundEndpoint = botEndpoint;
    if (locale !== undefined || timeZone !== undefined) {
      const edge = await startLocaleEdge({ botEndpoint, locale, timeZone, logger });
      stops.push(() => edge.close());
      playgroundEndpoint = edge.endpoint;
    }

    const playground: RunningPlayground = await startPlayground({
      botEndpoint: playgroundEndpoint,
      port: config.playground.port,
      logger,
      ...(options.playgroundLogDir !== undefined ? { logDir: options.playgroundLogDir } : {}),
    });
    stops.push(() => playground.stop());

    let stopping: Promise<void> | undefined;
    return {
      playgroundUrl: playground.url,
      botEndpoint,
      profileService,
      stop: () => (stopping ??= stopAll(stops, logger)),
    };
  } catch (error) {
    await stopAll(stops, logger);
    throw error;
  }
}
