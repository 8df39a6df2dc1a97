import { AUDIENCE_FLAGS, type Audience } from '../domain/audiences';

const AUDIENCES_WIDEST_FIRST = (Object.entries(AUDIENCE_FLAGS) as [Audience, number][])
  .filter(([audience]) => audience !== 'unknownFutureValue')
  .sort(([, a], [, b]) => b - a);

function audienceFromFlags(flags: number): Audience {
  if (!Number.isInteger(flags) || flags < 0) return 'unknownFutureValue';
  if (flags === 0) return 'me';
  const widest = AUDIENCES_WIDEST_FIRST.find(([, flag]) => flag !== 0 && (flags & flag) === flag);
  return widest ? widest[0] : 'unknownFutureValue';
}

function audienceFromToken(token: string): Audience | undefined {
  if (/^\d+$/.test(token)) return audienceFromFlags(Number(token));
  return Object.prototype.hasOwnProperty.call(AUDIENCE_FLAGS, token) ? (token as Audience) : undefined;
}

/**
 * Reads Graph's `allowedAudiences` flags enum as one audience. The wire has carried names, comma-separated name
 * lists and numeric strings (`"8"`) for the same property, so all three are read. A combination is shown as its
 * widest member, so the user is never told an item is more private than it is. Unrecognised values become
 * `unknownFutureValue` rather than failing the whole item.
 */
export function readAllowedAudiences(value: unknown): Audience | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return audienceFromFlags(value);
  if (typeof value !== 'string') return 'unknownFutureValue';
  const audiences = value
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token.length > 0)
    .map(audienceFromToken)
    .filter((audience): audience is Audience => audience !== undefined && audience !== 'unknownFutureValue');
  if (audiences.length === 0) return value.trim() === '' ? null : 'unknownFutureValue';
  return audiences.reduce((widest, audience) => (AUDIENCE_FLAGS[audience] > AUDIENCE_FLAGS[widest] ? audience : widest));
}
