/**
 * Talking to a bot the way the Bot Connector does, over real HTTP: an activity POSTed to `/api/messages`. With
 * `deliveryMode: 'expectReplies'` every reply (and an invoke's response) comes back in the HTTP response body.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export const TEST_SERVICE_URL = 'https://smba.trafficmanager.invalid/teams/';

export interface PostedTurn {
  readonly status: number;
  /** Everything the bot sent back in the turn (typing indicators and an invoke's response included). */
  readonly activities: Partial<Activity>[];
}

/** The envelope the connector puts around an activity: id, channel, service URL, replies in the response. */
export function connectorEnvelope(fields: Record<string, unknown>): Record<string, unknown> {
  return { id: randomUUID(), channelId: 'msteams', serviceUrl: TEST_SERVICE_URL, deliveryMode: 'expectReplies', timestamp: new Date().toISOString(), ...fields };
}

export async function postActivity(botUrl: string, activity: unknown, headers: Readonly<Record<string, string>> = {}): Promise<PostedTurn> {
  const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : {};
  const activities = typeof parsed === 'object' && parsed !== null ? ((parsed as { activities?: Partial<Activity>[] }).activities ?? []) : [];
  return { status: response.status, activities };
}
