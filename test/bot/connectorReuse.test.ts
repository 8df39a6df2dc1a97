import type { Activity } from 'botbuilder';
import { ClaimsIdentity, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { createBotFrameworkAuthentication } from '../../src/edge/botFrameworkAuthentication';
import { ReusedConnectorClients } from '../../src/edge/reusedConnectorClients';
import { TEST_SERVICE_URL } from '../support/postActivity';

const OTHER_SERVICE_URL = 'https://smba.trafficmanager.invalid/emea/';

describe('connector clients are reused between turns', () => {
  it('hands every turn to one service URL the same ConnectorClient and user token client', async () => {
    const auth = createBotFrameworkAuthentication(null);
    // No credentials: the SDK accepts the request without a token, as in local mode.
    const activity = { type: 'message', serviceUrl: TEST_SERVICE_URL, channelId: 'msteams' } as Activity;
    const first = await auth.authenticateRequest(activity, '');
    const second = await auth.authenticateRequest(activity, '');
    const client = await first.connectorFactory?.create(TEST_SERVICE_URL, first.audience);
    expect(client).toBeInstanceOf(ConnectorClient);
    expect(await second.connectorFactory?.create(TEST_SERVICE_URL, second.audience)).toBe(client);
    expect(await auth.createConnectorFactory(first.claimsIdentity).create(TEST_SERVICE_URL, first.audience)).toBe(client);

    const other = await first.connectorFactory?.create(OTHER_SERVICE_URL, first.audience);
    expect(other).not.toBe(client);
    expect(other).toBeInstanceOf(ConnectorClient);
    expect(await first.connectorFactory?.create(OTHER_SERVICE_URL, first.audience)).toBe(other);

    expect(await auth.createUserTokenClient(first.claimsIdentity)).toBe(await auth.createUserTokenClient(second.claimsIdentity));
  });

  it('keeps one factory and one user token client per calling app id, never shared between app ids', async () => {
    const auth = createBotFrameworkAuthentication(null);
    // A v1 token names its app in `appid`: a skill or a second bot calling in is another app id.
    const callerApp = (appId: string): ClaimsIdentity => new ClaimsIdentity([{ type: 'appid', value: appId }], true);
    const factory = auth.createConnectorFactory(callerApp('app-a'));
    expect(auth.createConnectorFactory(callerApp('app-a'))).toBe(factory);
    expect(auth.createConnectorFactory(callerApp('app-b'))).not.toBe(factory);
    const tokenClient = await auth.createUserTokenClient(callerApp('app-a'));
    expect(await auth.createUserTokenClient(callerApp('app-a'))).toBe(tokenClient);
    expect(await auth.createUserTokenClient(callerApp('app-b'))).not.toBe(tokenClient);
  });

  it('does not keep a client whose creation failed', async () => {
    let calls = 0;
    class FailingOnce extends ConnectorFactory {
      override async create(serviceUrl: string): Promise<ConnectorClient> {
        calls += 1;
        if (calls === 1) throw new Error('credentials unavailable');
        return new ConnectorClient({ signRequest: async (request) => request }, { baseUri: serviceUrl });
      }
    }
    const factory = new ReusedConnectorClients(new FailingOnce());
    await expect(factory.create(TEST_SERVICE_URL)).rejects.toThrow('credentials unavailable');
    const client = await factory.create(TEST_SERVICE_URL);
    expect(await factory.create(TEST_SERVICE_URL)).toBe(client);
    expect(calls).toBe(2);
  });
});
