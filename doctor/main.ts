/** `npm run doctor -- [--env <file>] [--manifest-env <file>] [--dir <folder>]`: checks the production settings. See docs/doctor.md. */
import { runDoctorCommand } from './doctorCommand';

runDoctorCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
}).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error('The doctor stopped on an unexpected failure', error);
    process.exitCode = 1;
  },
);
