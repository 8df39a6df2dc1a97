/**
 * What both graph floors (`floorBot.ts`, `productionFloorBot.ts`) ask of Graph: exactly one keep-alive request per
 * user action, with the URL shape the product uses, read whole and parsed; and the minimal card they answer with.
 *
 * - a message                          → GET  /me/profile/interests?$top=100 (what `list` asks for)
 * - `interest.open` card action         → GET  /me/profile/interests/{id}
 * - `interest.save` card action         → PATCH /me/profile/interests/{id} with the new description
 * - `interest.saveTags` card action     → PATCH /me/profile/interests/{id} with the new tags
 */
import http from 'node:http';

export const CARD = 'application/vnd.microsoft.card.adaptive';
const INTERESTS_PATH = '/me/profile/interests';
/** The page size the product asks for when listing, so both read the same bytes. */
const LIST_QUERY = '?$top=100';
const GRAPH_TIMEOUT_MS = 10_000;

export interface GraphAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type CardRequest = (token: string, data: Record<string, unknown>) => Promise<GraphAnswer>;

export interface FloorGraph {
  /** What `list` asks for. */
  list(token: string): Promise<GraphAnswer>;
  /** One request per card verb; a verb the floor does not know is an error, so a renamed verb cannot pass unnoticed. */
  readonly cardRequests: Readonly<Record<string, CardRequest>>;
}

export function createFloorGraph(graphBaseUrl: string): FloorGraph {
  const base = graphBaseUrl.replace(/\/+$/, '');
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  function request(token: string, method: 'GET' | 'PATCH', path: string, body?: unknown): Promise<GraphAnswer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise<GraphAnswer>((resolve, reject) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
      if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) });
      const outgoing = http.request(`${base}${path}`, { method, headers, agent, timeout: GRAPH_TIMEOUT_MS }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('Graph timed out')));
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  const itemPath = (data: Record<string, unknown>): string => `${INTERESTS_PATH}/${encodeURIComponent(String(data.interestId))}`;
  const tagsOf = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').filter(Boolean) : []);

  return {
    list: (token) => request(token, 'GET', `${INTERESTS_PATH}${LIST_QUERY}`),
    cardRequests: {
      'interest.open': (token, data) => request(token, 'GET', itemPath(data)),
      'interest.save': (token, data) => request(token, 'PATCH', itemPath(data), { description: data.description }),
      'interest.saveTags': (token, data) => request(token, 'PATCH', itemPath(data), { collaborationTags: tagsOf(data.collaborationTags) }),
    },
  };
}

export const minimalCard = (text: string): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text, wrap: true }],
});
