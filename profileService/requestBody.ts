import type { IncomingMessage } from 'node:http';
import { fail, ok, type Result } from '../src/domain/result';
import { serviceErrors } from './serviceErrors';
import type { ServiceResponse } from './wire';

const isJsonMediaType = (contentType: string | undefined): boolean => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * Reads at most `maxBytes`. A larger body is refused at once; the rest is drained without being kept, so the
 * connection stays usable and the client still reads the 413.
 */
function readLimited(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number.isFinite(declared) && declared > maxBytes;
    if (refused) resolve(undefined);
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(refused ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The request body as a JSON object, or the Graph error that refuses it. */
export async function readJsonObject(request: IncomingMessage, maxBytes: number): Promise<Result<Record<string, unknown>, ServiceResponse>> {
  if (!isJsonMediaType(request.headers['content-type'])) return fail(serviceErrors.unsupportedMediaType());
  return jsonObjectFrom(request.headers['content-type'], await readLimited(request, maxBytes), maxBytes);
}

/**
 * The checks every body meets, whether it came on the wire or inside a `$batch` item: a JSON media type, at most
 * `maxBytes` (`undefined` bytes = already found too large), valid JSON, an object.
 */
export function jsonObjectFrom(contentType: string | undefined, bytes: Buffer | undefined, maxBytes: number): Result<Record<string, unknown>, ServiceResponse> {
  if (!isJsonMediaType(contentType)) return fail(serviceErrors.unsupportedMediaType());
  if (!bytes || bytes.length > maxBytes) return fail(serviceErrors.bodyTooLarge(maxBytes));
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return fail(serviceErrors.unreadableJson());
    throw error;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return fail(serviceErrors.requestBodyRead('The request body must be a JSON object.'));
  }
  return ok(body as Record<string, unknown>);
}
