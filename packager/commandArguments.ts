import { fail, ok, type Result } from '../src/domain/result';

/**
 * Reads `--flag value` / `--flag=value` arguments into settings that start from `defaults`; `--help` or `-h`
 * anywhere answers 'help'. Shared by the tools' commands (`npm run package`, `npm run doctor`).
 */
export function parseFlagArguments<K extends string>(
  args: readonly string[],
  flags: Readonly<Record<string, K>>,
  defaults: Readonly<Record<K, string>>,
): Result<Record<K, string> | 'help', string> {
  const settings: Record<K, string> = { ...defaults };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') return ok('help');
    const [flag = '', inlineValue] = arg.split(/=(.*)/s, 2);
    const key = flags[flag];
    if (!key) return fail(`Unknown argument ${arg}`);
    const value = inlineValue ?? args[(index += 1)];
    if (!value || value.startsWith('--')) return fail(`${flag} needs a value`);
    settings[key] = value;
  }
  return ok(settings);
}
