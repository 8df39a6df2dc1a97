/** `npm run package -- [--env <file>] [--out <zip>]`: builds the Teams app package zip. See docs/production.md. */
import { runPackageCommand } from './packageCommand';

runPackageCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
}).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error('App package not built: unexpected failure', error);
    process.exitCode = 1;
  },
);
