/**
 * When botframework-connector refuses a Bot Framework channel token whose signing key it knows (expired, bad
 * signature, not yet valid, key not endorsed for the channel), it first writes the error to `console.error`: the
 * whole error with its stack, or the signing key as a multi-line PEM. One hostile client could fill the logs that
 * way. This check runs the same verification before the SDK does, with the SDK's own validation parameters and
 * endorsement rule, against the same OpenID metadata, and refuses such a token itself with the SDK's public
 * `AuthenticationError`: the edge then writes its single warn line. It only ever refuses what the SDK would refuse;
 * anything it cannot decide (another issuer, an unknown key, metadata that cannot be read) goes to the SDK unchanged,
 * and every token it lets through is still fully validated by the SDK afterwards.
 */
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import {
  AseChannelValidation,
  AuthenticationConstants,
  AuthenticationError,
  ChannelValidation,
  EmulatorValidation,
  EndorsementsValidator,
  SkillValidation,
} from 'botframework-connector';

const UNAUTHORIZED = 401;
/** The SDK refreshes its keys once a day, and sooner when a token names a key it does not have. */
const KEYS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Least time between two fetches, so tokens naming unknown keys cannot make the bot hammer the metadata endpoint. */
const REFETCH_COOLDOWN_MS = 5 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;

const openIdMetadataSchema = z.object({ jwks_uri: z.string().url() });
const jwksSchema = z.object({
  // Fields are read as the SDK reads them (compared, or skipped when unusable), so one odd key spoils nothing.
  keys: z.array(z.object({ kid: z.unknown(), n: z.unknown(), e: z.unknown(), endorsements: z.unknown() })),
});
type ChannelSigningKey = z.infer<typeof jwksSchema>['keys'][number];

/** The channel's signing keys, fetched from the configured OpenID metadata and cached as the SDK caches them. */
class ChannelSigningKeys {
  private keys: readonly ChannelSigningKey[] = [];
  private fetchedAt = 0;
  private attemptedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly openIdMetadataUrl: string) {}

  /** The key the SDK would pick for `kid` (the first with that id), or undefined when it is not known (yet). */
  async find(kid: unknown): Promise<ChannelSigningKey | undefined> {
    const now = Date.now();
    const stale = now - this.fetchedAt > KEYS_MAX_AGE_MS;
    if ((stale || !this.lookup(kid)) && now - this.attemptedAt >= REFETCH_COOLDOWN_MS) await this.refresh();
    return this.lookup(kid);
  }

  private lookup(kid: unknown): ChannelSigningKey | undefined {
    return this.keys.find((key) => key.kid === kid);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    this.attemptedAt = Date.now();
    try {
      const metadata = openIdMetadataSchema.parse(await fetchJson(this.openIdMetadataUrl));
      this.keys = jwksSchema.parse(await fetchJson(metadata.jwks_uri)).keys;
      this.fetchedAt = Date.now();
    } catch {
      // Keys that cannot be read leave the decision to the SDK, which fetches and reports on its own.
    }
  }
}

/** One key cache per metadata URL in the process, as the SDK keeps its own: another adapter fetches nothing again. */
const signingKeysByUrl = new Map<string, ChannelSigningKeys>();
function signingKeysFor(openIdMetadataUrl: string): ChannelSigningKeys {
  let keys = signingKeysByUrl.get(openIdMetadataUrl);
  if (!keys) {
    keys = new ChannelSigningKeys(openIdMetadataUrl);
    signingKeysByUrl.set(openIdMetadataUrl, keys);
  }
  return keys;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** Each signing key's public key, built once: a key set is fetched once a day and names a handful. */
const publicKeys = new WeakMap<ChannelSigningKey, crypto.KeyObject | null>();

/** The public key as the SDK builds it (modulus and exponent only), or undefined for a key the SDK would not use. */
function publicKeyOf(key: ChannelSigningKey): crypto.KeyObject | undefined {
  let publicKey = publicKeys.get(key);
  if (publicKey === undefined) {
    publicKey = buildPublicKey(key) ?? null;
    publicKeys.set(key, publicKey);
  }
  return publicKey ?? undefined;
}

function buildPublicKey(key: ChannelSigningKey): crypto.KeyObject | undefined {
  if (typeof key.n !== 'string' || typeof key.e !== 'string' || !key.n || !key.e) return undefined;
  try {
    return crypto.createPublicKey({ key: { kty: 'RSA', n: key.n, e: key.e }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/** At most this many verified tokens are remembered; a Bot Connector sends one token for many requests. */
const VERIFIED_TOKENS_KEPT = 1024;

interface VerifiedToken {
  readonly key: ChannelSigningKey;
  /** When `jwt.verify` would first refuse it: its `exp` plus the SDK's clock tolerance. */
  readonly validUntilMs: number;
}

export class ChannelTokenPrecheck {
  private readonly keys: ChannelSigningKeys;
  /** What JwtTokenExtractor verifies channel tokens with: the channel's parameters and the allowed algorithms. */
  private readonly verifyOptions: jwt.VerifyOptions = {
    ...ChannelValidation.ToBotFromChannelTokenValidationParameters,
    algorithms: AuthenticationConstants.AllowedSigningAlgorithms as jwt.Algorithm[],
  };

  constructor(openIdMetadataUrl: string) {
    this.keys = signingKeysFor(openIdMetadataUrl);
  }

  /**
   * Channel tokens whose signature and times passed, by the SHA-256 of the header (the tokens themselves are not
   * kept), until they would expire; one is checked again when its key is no longer the one the key set names.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  /** Throws a 401 `AuthenticationError` for a channel token the SDK would refuse after looking up its key. */
  async check(authHeader: string, channelId: string | undefined): Promise<void> {
    if (AseChannelValidation.isTokenFromAseChannel(channelId ?? '')) return;
    const digest = crypto.createHash('sha256').update(authHeader).digest('base64');
    const remembered = this.verified.get(digest);
    if (remembered !== undefined && Date.now() < remembered.validUntilMs && (await this.keys.find(remembered.key.kid)) === remembered.key) {
      checkEndorsement(remembered.key, channelId);
      return;
    }
    this.verified.delete(digest);
    const token = this.channelTokenIn(authHeader);
    if (token === undefined) return;
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded) return;
    const key = await this.keys.find(decoded.header.kid);
    const publicKey = key && publicKeyOf(key);
    if (!key || !publicKey) return;
    try {
      jwt.verify(token, publicKey, this.verifyOptions);
    } catch {
      throw refused();
    }
    checkEndorsement(key, channelId);
    this.remember(digest, key, decoded.payload);
  }

  private remember(digest: string, key: ChannelSigningKey, payload: jwt.JwtPayload | string): void {
    const expires = typeof payload === 'object' ? payload.exp : undefined;
    if (typeof expires !== 'number') return;
    const toleranceSeconds = this.verifyOptions.clockTolerance ?? 0;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(digest, { key, validUntilMs: (expires + toleranceSeconds) * 1000 });
  }

  /** The bearer token when the SDK would verify it as a channel token (by its `iss`), else undefined. */
  private channelTokenIn(authHeader: string): string | undefined {
    const parts = authHeader.split(' ');
    const token = parts[1];
    if (parts.length !== 2 || parts[0] !== 'Bearer' || !token) return undefined;
    if (SkillValidation.isSkillToken(authHeader) || EmulatorValidation.isTokenFromEmulator(authHeader)) return undefined;
    const payload = jwt.decode(token);
    const issuer = payload !== null && typeof payload === 'object' ? payload.iss : undefined;
    const channelIssuers = [this.verifyOptions.issuer].flat();
    return issuer !== undefined && channelIssuers.includes(issuer) ? token : undefined;
  }
}

/** The SDK's rule: a key with endorsements must endorse the activity's channel (it fails on a missing channel id). */
function checkEndorsement(key: ChannelSigningKey, channelId: string | undefined): void {
  const endorsements = key.endorsements;
  if (!Array.isArray(endorsements) || endorsements.length === 0) return;
  if (channelId === undefined || !EndorsementsValidator.validate(channelId, endorsements.filter((name): name is string => typeof name === 'string'))) throw refused();
}

/** Fixed wording: nothing from the token reaches the error, the answer or the log. */
const refused = (): AuthenticationError => new AuthenticationError('Unauthorized. The token could not be validated.', UNAUTHORIZED);
