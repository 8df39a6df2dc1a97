import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { readBearerClaims } from '../../src/auth/devToken';
import { createLogger, silentLogger } from '../../src/logger';

function contextFrom(from: Activity['from']): TurnContext {
  const adapter = new TestAdapter();
  return new TurnContext(adapter, { type: 'message', text: 'list', from, conversation: { id: 'c', isGroup: false, name: 'c', conversationType: 'personal' } } as Partial<Activity>);
}

describe('local token provider', () => {
  const tokens = createLocalTokenProvider({ logger: silentLogger });

  it('mints a development token for the AAD object id of the sender', async () => {
    const outcome = await tokens.getToken(contextFrom({ id: '29:channel-id', aadObjectId: 'aad-1', name: 'Alex' }));
    if (!outcome.ok) throw new Error('expected a token');
    expect(readBearerClaims(`Bearer ${outcome.token}`)).toMatchObject({ ok: true, oid: 'aad-1', name: 'Alex' });
  });

  it('falls back to the channel user id where there is no AAD object id', async () => {
    const outcome = await tokens.getToken(contextFrom({ id: 'emulator-user', name: 'User' }));
    if (!outcome.ok) throw new Error('expected a token');
    expect(readBearerClaims(`Bearer ${outcome.token}`)).toMatchObject({ ok: true, oid: 'emulator-user' });
  });

  it('signs out as a no-op that says so in the log', async () => {
    const lines: string[] = [];
    const logged = createLocalTokenProvider({ logger: createLogger({ sink: (_level, line) => lines.push(line) }) });
    await logged.signOut(contextFrom({ id: 'u', name: 'U' }));
    expect(lines.join('\n')).toContain('sign-out does nothing');
  });
});
