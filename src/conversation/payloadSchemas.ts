/** Pieces of card payload schemas every feature's declarations share (`cardActionDefinition.ts`). */
import { z } from 'zod';
import { isWellFormedId } from '../domain/identifier';

// Generous bound for a raw input string: the card caps typed text, a forged payload is refused.
const MAX_INPUT_LENGTH = 20_000;

/** Ids go into Graph URLs and back into cards: bounded, well-formed, never `.`/`..` (domain/identifier.ts). */
export const idSchema = z.string().refine(isWellFormedId);

/** A raw input string as a card submits it. */
export const inputSchema = z.string().max(MAX_INPUT_LENGTH);

/** A list page. */
export const pageSchema = z.number().int().min(0).max(100_000);

/** The user whose card it is: every action records it, so an action from anyone else can be refused. */
export const owned = { ownerId: idSchema };
