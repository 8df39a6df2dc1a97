/**
 * Puts benchmark data into the profile service over its Graph-compatible API (a development token per user), and
 * reads its request counters (`/_dev/stats`).
 */
import { COLLABORATION_TAGS } from '../src/domain/collaborationTags';
import { INTEREST_LIMITS, type InterestDraft } from '../src/domain/personInterest';
import { mintDevToken } from '../src/auth/devToken';

export interface StoredId {
  readonly id: string;
}

export class ProfileData {
  constructor(private readonly serviceUrl: string) {}

  async create(oid: string, draft: InterestDraft): Promise<StoredId> {
    const response = await fetch(`${this.serviceUrl}/beta/me/profile/interests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${mintDevToken({ oid })}` },
      body: JSON.stringify(draft),
    });
    if (response.status !== 201) throw new Error(`Seeding an interest failed with HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return (await response.json()) as StoredId;
  }

  /** Creates `count` interests for the user, a few at a time. */
  async createMany(oid: string, count: number, draftFor: (index: number) => InterestDraft): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 10) {
      const batch = Array.from({ length: Math.min(10, count - start) }, (_, offset) => this.create(oid, draftFor(start + offset)));
      ids.push(...(await Promise.all(batch)).map((stored) => stored.id));
    }
    return ids;
  }

  async resetStats(): Promise<void> {
    await fetch(`${this.serviceUrl}/_dev/stats`, { method: 'DELETE' });
  }

  async requestCount(): Promise<number> {
    const response = await fetch(`${this.serviceUrl}/_dev/stats`);
    return ((await response.json()) as { total: number }).total;
  }
}

export function ordinaryDraft(index: number): InterestDraft {
  return {
    displayName: `Interest ${index}`,
    description: `Something worth talking about, number ${index}.`,
    categories: ['Bench', `Group ${index % 4}`],
    collaborationTags: [],
    allowedAudiences: 'organization',
    webUrl: 'https://example.com/interest',
  };
}

/** Every field at its longest, in characters that cost the most bytes on the wire. */
export function maximalDraft(index: number, fill: string): InterestDraft {
  const text = (length: number, prefix: string): string => {
    const prefixChars = Array.from(prefix);
    const fillChars = Array.from(fill);
    return [...prefixChars, ...Array.from({ length: length - prefixChars.length }, (_, at) => fillChars[at % fillChars.length])].join('');
  };
  return {
    displayName: text(INTEREST_LIMITS.displayNameMax, `${index} `),
    description: text(INTEREST_LIMITS.descriptionMax, ''),
    categories: Array.from({ length: INTEREST_LIMITS.categoriesMax }, (_, category) => text(INTEREST_LIMITS.categoryMax, `${category}`)),
    collaborationTags: [...COLLABORATION_TAGS],
    allowedAudiences: 'organization',
    webUrl: `https://example.com/${'a'.repeat(INTEREST_LIMITS.webUrlMax - 'https://example.com/'.length)}`,
  };
}
