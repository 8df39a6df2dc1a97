/**
 * The users this service knows and their tenants: everyone who has called it (learned from their tokens) and the
 * seeded colleagues. Graph resolves `/users/{id}` in the caller's tenant; the stand-in needs this map to do the
 * same. Held in memory only: after a restart a user is known again once they call, and a stored profile whose
 * owner has not called yet is taken to be of the development tenant (see `ProfileDirectory.lookUp`).
 */
export interface DirectoryUser {
  readonly oid: string;
  readonly tid: string;
  readonly displayName: string | undefined;
  readonly upn: string | undefined;
  /** Seeded colleagues rank above users merely seen, in `/me/people`. */
  readonly relevance: number;
}

export class UserDirectory {
  private readonly byOid = new Map<string, DirectoryUser>();

  /** Adds or refreshes a user; a known name, UPN or higher relevance is never replaced by an absent one. */
  remember(user: DirectoryUser): void {
    const key = user.oid.toLowerCase();
    const known = this.byOid.get(key);
    this.byOid.set(key, {
      oid: known?.oid ?? user.oid,
      tid: user.tid,
      displayName: user.displayName ?? known?.displayName,
      upn: user.upn ?? known?.upn,
      relevance: Math.max(user.relevance, known?.relevance ?? 0),
    });
  }

  /** By object id or user principal name, case-insensitively. */
  find(idOrUpn: string): DirectoryUser | undefined {
    const wanted = idOrUpn.toLowerCase();
    const byOid = this.byOid.get(wanted);
    if (byOid) return byOid;
    for (const user of this.byOid.values()) if (user.upn?.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** Users of `tid` other than `oid`, most relevant first, then in the order they became known. */
  colleaguesOf(oid: string, tid: string): DirectoryUser[] {
    const self = oid.toLowerCase();
    return [...this.byOid.values()]
      .filter((user) => user.tid === tid && user.oid.toLowerCase() !== self)
      .sort((a, b) => b.relevance - a.relevance);
  }
}
