/**
 * Local mode's `UserTokenProvider`: every call mints a development token for the activity's sender, which the
 * local profile service accepts without a signature. There is no sign-in, so nothing is cached and nothing can
 * fail. Never used with app credentials: the composition root only picks it when `config.mode === 'local'`.
 */
import type { TurnContext } from 'botbuilder';
import { DEFAULT_DEV_SCOPES, mintDevToken } from './devToken';
import type { Logger } from '../logger';
import type { TokenOutcome, UserTokenProvider } from './userTokenProvider';

export function createLocalTokenProvider(options: { logger: Logger }): UserTokenProvider {
  const { logger } = options;
  return {
    async getToken(context: TurnContext, scopes?: readonly string[]): Promise<TokenOutcome> {
      const { from } = context.activity;
      // Teams and the Agents Playground send the AAD object id; other channels only have their own user id.
      const oid = from.aadObjectId ?? from.id;
      // A feature's own scopes are granted on top of the usual ones, as consent would grant them in production.
      const scp = scopes ? { scp: [...new Set([...DEFAULT_DEV_SCOPES.split(' '), ...scopes])].join(' ') } : {};
      return { ok: true, token: mintDevToken({ oid, ...(from.name ? { name: from.name } : {}), ...scp }) };
    },
    async signOut(context: TurnContext): Promise<void> {
      logger.info('Local mode has no sign-in: sign-out does nothing; every turn uses a fresh development token.', {
        conversationId: context.activity.conversation.id,
      });
    },
  };
}
