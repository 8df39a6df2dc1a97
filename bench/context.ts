/** What every measurement module is handed: the options, the running processes, clients for them and the seeded data. */
import type { BotClient } from './botClient';
import type { BenchOptions } from './options';
import type { BenchProcess, BotKind, LaunchedBot, ProfileServiceReady } from './processes';
import type { ProfileData } from './profileData';
import type { SeededUser } from './scenarios';

export interface BenchContext {
  readonly options: BenchOptions;
  readonly service: { readonly process: BenchProcess; readonly ready: ProfileServiceReady };
  readonly profile: ProfileData;
  /** The long-lived bots (they carry the probe). */
  readonly bots: Readonly<Record<BotKind, LaunchedBot>>;
  readonly clients: Readonly<Record<BotKind, BotClient>>;
  /** `USER_COUNT` users, each with their own interests (0 to 40; see `population.ts`), in seeding order. */
  readonly users: readonly SeededUser[];
}
