import fs from 'node:fs';
import { GENERATED_CHECKS_PATH, generateWireChecks } from '../support/wireChecks';

describe('the generated wire checks', () => {
  it('are what the schemas compile to (npm run generate:wire-checks rewrites them)', () => {
    const generated = generateWireChecks();
    if (process.env['UPDATE_WIRE_CHECKS'] === '1') fs.writeFileSync(GENERATED_CHECKS_PATH, generated);
    expect(fs.readFileSync(GENERATED_CHECKS_PATH, 'utf8')).toBe(generated);
  });

  it('load nothing: the product never loads the validator library', () => {
    expect(generateWireChecks()).not.toMatch(/\brequire\(|^import /m);
  });
});
