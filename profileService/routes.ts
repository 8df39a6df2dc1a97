/**
 * Maps a request path to what it addresses. Pure: no HTTP types. Graph matches path segments
 * case-insensitively, so this does too.
 */
export type ProfileOwner = { readonly kind: 'me' } | { readonly kind: 'user'; readonly idOrUpn: string };

export type Route =
  | { readonly kind: 'interests'; readonly owner: ProfileOwner }
  | { readonly kind: 'interest'; readonly owner: ProfileOwner; readonly interestId: string }
  | { readonly kind: 'people' }
  | { readonly kind: 'batch' }
  | { readonly kind: 'devFaults' }
  | { readonly kind: 'devStats' }
  | { readonly kind: 'devToken' }
  | { readonly kind: 'unknown'; readonly segment: string };


export type DevRoute = Extract<Route, { kind: 'devFaults' | 'devStats' | 'devToken' }>;

export const isDevRoute = (route: Route): route is DevRoute => route.kind === 'devFaults' || route.kind === 'devStats' || route.kind === 'devToken';

const DEV_ROUTES: Readonly<Record<string, Route>> = {
  faults: { kind: 'devFaults' },
  stats: { kind: 'devStats' },
  token: { kind: 'devToken' },
};

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

const same = (segment: string | undefined, expected: string): boolean => segment?.toLowerCase() === expected;

/** `ownerSegment` names the segment before the tail, for the error when the tail is missing. */
function matchProfileTail(owner: ProfileOwner, ownerSegment: string, tail: string[]): Route {
  const [profile, interests, interestId, ...extra] = tail;
  if (!same(profile, 'profile')) return { kind: 'unknown', segment: profile ?? ownerSegment };
  if (!same(interests, 'interests')) return { kind: 'unknown', segment: interests ?? 'profile' };
  if (interestId === undefined) return { kind: 'interests', owner };
  if (extra.length > 0) return { kind: 'unknown', segment: extra[0] ?? '' };
  return { kind: 'interest', owner, interestId };
}

/** Graph versions a batch item's URL must not repeat: it is relative to the version root. */
export const API_VERSIONS: readonly string[] = ['beta', 'v1.0'];

/** The first segment of a relative URL (`/beta/me` → `beta`), lower-cased; undefined when it has none. */
export function firstSegmentOf(relativeUrl: string): string | undefined {
  return relativeUrl.split(/[/?#]/).find((segment) => segment !== '')?.toLowerCase();
}

export function matchRoute(pathname: string): Route {
  const segments = decodeSegments(pathname);
  if (!segments) return { kind: 'unknown', segment: pathname };
  const [first, second, third] = segments;
  if (same(first, '_dev') && second !== undefined && third === undefined) {
    return DEV_ROUTES[second.toLowerCase()] ?? { kind: 'unknown', segment: second };
  }
  if (!same(first, 'beta')) return { kind: 'unknown', segment: first ?? '' };
  if (same(second, '$batch') && third === undefined) return { kind: 'batch' };
  if (same(second, 'me') && same(third, 'people') && segments.length === 3) return { kind: 'people' };
  if (same(second, 'me')) return matchProfileTail({ kind: 'me' }, second ?? 'me', segments.slice(2));
  if (same(second, 'users') && third !== undefined) return matchProfileTail({ kind: 'user', idOrUpn: third }, third, segments.slice(3));
  return { kind: 'unknown', segment: second ?? 'beta' };
}
