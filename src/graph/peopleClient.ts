/**
 * `GET /me/people`: the people the signed-in user works with most, ranked by Graph. Only what the bot needs to
 * address them is asked for (`$select`) and kept: the object id (to read their interests), a name and a UPN (for the
 * chat link), and the job title (shown beside the name, so the asker knows who they are about to write to).
 */
import { failureFromUnexpectedResponse } from './graphFailure';
import type { GraphTransport } from './graphTransport';

export interface RelevantPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string | undefined;
  readonly jobTitle: string | undefined;
}

export interface PeopleClient {
  /** The first `top` people of `/me/people`; people without an id (contacts outside the directory) are left out. */
  listPeople(getToken: () => Promise<string>, top: number): Promise<RelevantPerson[]>;
}

/** The `person` fields read; Graph's people API honours `$select`, so nothing else of the person is sent. */
const PERSON_FIELDS = 'id,displayName,userPrincipalName,jobTitle';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Reads Graph's `person` collection from `unknown`; undefined when the body is not one. */
export function parsePeople(body: unknown): RelevantPerson[] | undefined {
  const value = typeof body === 'object' && body !== null ? (body as { value?: unknown }).value : undefined;
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item: unknown): RelevantPerson[] => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const id = text(record.id);
    if (!id) return [];
    return [{ id, displayName: text(record.displayName) ?? '', userPrincipalName: text(record.userPrincipalName), jobTitle: text(record.jobTitle) }];
  });
}

export function createPeopleOperations(transport: GraphTransport): PeopleClient {
  return {
    async listPeople(getToken, top) {
      const operation = 'list people';
      const exchange = await transport.send(operation, getToken, `/me/people?$top=${top}&$select=${PERSON_FIELDS}`, (request) => request.get());
      const people = parsePeople(exchange.body);
      if (!people) throw transport.reportFailure(operation, failureFromUnexpectedResponse(exchange, 'the body is not a people collection'));
      return people;
    },
  };
}
