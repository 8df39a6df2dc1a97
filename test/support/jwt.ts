import crypto from 'node:crypto';

/** A test signing key with its public JWK, as an identity provider publishes it. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: crypto.KeyObject;
  readonly jwk: crypto.JsonWebKey & { kid: string; use: string; alg: string };
}

export function createSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(claims: Record<string, unknown>, key: SigningKey, header: Record<string, unknown> = {}): string {
  const head = encode({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header });
  const body = encode(claims);
  const signature = crypto.sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

export function verifyJwt(token: string, key: SigningKey): Record<string, unknown> | null {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return null;
  const valid = crypto.verify('RSA-SHA256', Buffer.from(`${head}.${body}`), crypto.createPublicKey({ key: key.jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
  return valid ? (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>) : null;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
