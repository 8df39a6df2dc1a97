/**
 * msal-node's `system.networkClient` seam for tests: every request MSAL makes to the public authority host is
 * sent over real HTTP to the local identity provider instead. MSAL itself refuses http:// authorities.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export function createLoopbackNetworkClient(publicHost: string, localBaseUrl: string): INetworkModule {
  const reroute = (url: string): string => (url.startsWith(publicHost) ? localBaseUrl + url.slice(publicHost.length) : url);
  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const target = reroute(url);
    if (!target.startsWith('http://127.0.0.1')) throw new Error(`Refusing a non-loopback request in tests: ${new URL(url).host}`);
    const response = await fetch(target, { method, headers: options?.headers ?? {}, ...(options?.body !== undefined ? { body: options.body } : {}) });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: response.status, headers, body: (await response.json()) as T };
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
