/**
 * `npm run profile-service`: runs the local Graph-compatible profile service on its own, with the settings from
 * the environment (PROFILE_SERVICE_HOST, PROFILE_SERVICE_PORT, PROFILE_SERVICE_DATA_DIR, LOG_LEVEL).
 */
import { loadConfig } from '../src/config';
import { stopOnSignals } from '../src/processSignals';
import { createLogger } from '../src/logger';
import { startProfileService } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'profile-service' });
  const service = await startProfileService({
    host: config.profileService.host,
    port: config.profileService.port,
    dataDir: config.profileService.dataDir,
    // A developer's first sign-in finds a realistic profile rather than an empty one.
    seed: { allNewUsers: true },
    logger,
  });
  console.log(`Local profile service: ${service.graphBaseUrl}/me/profile/interests (data in ${config.profileService.dataDir})`);

  stopOnSignals('the profile service', () => service.close(), logger);
}

main().catch((error: unknown) => {
  console.error(`Profile service failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
