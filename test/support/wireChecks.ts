/**
 * Builds `src/graph/wire/personInterestChecks.generated.ts` from the wire schemas with Ajv's standalone code: the
 * product runs the generated functions and never loads Ajv. `test/graph/wireChecks.test.ts` fails when the file is
 * out of date; `npm run generate:wire-checks` rewrites it.
 */
import path from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { INTERESTS_PAGE_SCHEMA, STORED_INTEREST_SCHEMA } from '../../src/graph/wire/personInterestSchemas';

export const GENERATED_CHECKS_PATH = path.resolve(__dirname, '../../src/graph/wire/personInterestChecks.generated.ts');

const HEADER = [
  '/* eslint-disable */',
  '// Generated from personInterestSchemas.ts by `npm run generate:wire-checks` (Ajv standalone code). Do not edit.',
  '// @ts-nocheck',
].join('\n');

export function generateWireChecks(): string {
  // `messages: false`: a failed check only says no; `lines: true` keeps the file readable in a diff.
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: false, messages: false, code: { source: true, esm: true, lines: true } });
  ajv.addSchema(STORED_INTEREST_SCHEMA).addSchema(INTERESTS_PAGE_SCHEMA);
  const code = standaloneCode(ajv, { isStoredInterestWire: STORED_INTEREST_SCHEMA.$id, isInterestsPageWire: INTERESTS_PAGE_SCHEMA.$id });
  return `${HEADER}\n${code}\n`;
}
