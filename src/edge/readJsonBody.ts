/**
 * A bounded reader for the JSON bodies the Bot Connector posts. Everything is checked before any work is done
 * with the body: the encoding from the headers (the connector sends plain JSON, so anything compressed is refused
 * before a byte is read, which also means nothing is ever inflated), the size as the raw bytes arrive, the time
 * the body takes to arrive, and the nesting depth before the text is parsed. Every outcome is a value; nothing
 * here throws or leaves a stream without an error listener.
 */
import type { IncomingMessage } from 'node:http';
import { fail, ok, type Result } from '../domain/result';
import { REFUSALS, type HttpRefusal } from './errorBodies';

export interface BodyLimits {
  /** Raw bytes on the wire. */
  readonly maxBytes: number;
  /** Nesting of arrays and objects. */
  readonly maxDepth: number;
  /** From the first byte expected to the last received. */
  readonly readTimeoutMs: number;
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/** Refuses from the headers alone: a compressed or non-JSON body, or a declared length over the limit. */
export function refuseFromHeaders(req: IncomingMessage, limits: BodyLimits): HttpRefusal | undefined {
  if (!isIdentityEncoding(req.headers['content-encoding'])) return REFUSALS.unsupportedEncoding;
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_MEDIA_TYPE.test(mediaType)) return REFUSALS.unsupportedMediaType;
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limits.maxBytes) return REFUSALS.tooLarge;
  return undefined;
}

/** Absent, empty or only `identity` (in any letter case, possibly listed more than once). */
export function isIdentityEncoding(header: string | undefined): boolean {
  if (header === undefined) return true;
  return header.split(',').every((coding) => ['', 'identity'].includes(coding.trim().toLowerCase()));
}

/**
 * Reads and parses the body. Once the size limit is passed the rest is read and dropped (so the refusal can be
 * answered on a connection in a known state) until the read deadline, which also ends a body that trickles in.
 */
export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<Result<unknown, HttpRefusal>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (result: Result<unknown, HttpRefusal>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      chunks.length = 0;
      resolve(result);
    };
    const deadline = setTimeout(() => settle(fail(REFUSALS.readTimeout)), limits.readTimeoutMs);
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limits.maxBytes) return settle(fail(REFUSALS.tooLarge));
      chunks.push(chunk);
    });
    req.on('error', () => settle(fail(REFUSALS.unreadableBody)));
    req.on('aborted', () => settle(fail(REFUSALS.unreadableBody)));
    req.on('end', () => {
      if (!settled) settle(parseJson(Buffer.concat(chunks, received), limits.maxDepth));
    });
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to a JSON value: valid UTF-8, nested no deeper than `maxDepth`, then `JSON.parse`. */
export function parseJson(bytes: Uint8Array, maxDepth: number): Result<unknown, HttpRefusal> {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Not UTF-8: the decoder's message says nothing the client needs; the fixed refusal says it all.
    return fail(REFUSALS.invalidJson);
  }
  if (jsonDepth(text) > maxDepth) return fail(REFUSALS.tooDeep);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    // The parser's message echoes the input; the fixed refusal is all the client gets.
    return fail(REFUSALS.invalidJson);
  }
}

/**
 * The deepest nesting of `[`/`{` outside strings, in one pass: it runs before the parser so a document of a
 * hundred thousand brackets costs a scan, not a deep tree. Malformed text gets some number; the parser refuses it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}
