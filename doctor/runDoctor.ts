/**
 * Runs the doctor: the settings first, then every check of the table, each bounded in time and kept from
 * failing the others. Returns one result per check, in order; the doctor passes when all of them do.
 */
import { describeError, failed, type CheckOutcome, type CheckResult, type DoctorCheck } from './checkResult';
import { DOCTOR_CHECKS } from './checks';
import { loadDoctorContext, SETTINGS_CHECK_NAME, type DoctorContext, type DoctorOptions } from './doctorContext';

async function runCheck(check: DoctorCheck, context: DoctorContext): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve(failed(`no answer within ${context.timeoutMs} ms.`, 'Check that this host can reach the endpoint named in the settings.')), context.timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(() => check.run(context)), timeout]);
    return { name: check.name, ...outcome };
  } catch (error) {
    return { name: check.name, ...failed(`the check could not run: ${describeError(error)}.`, 'Correct the settings named above and run the doctor again.') };
  } finally {
    clearTimeout(timer);
  }
}

export async function runDoctor(options: DoctorOptions, checks: readonly DoctorCheck[] = DOCTOR_CHECKS): Promise<CheckResult[]> {
  const { outcome, context } = loadDoctorContext(options);
  const settings: CheckResult = { name: SETTINGS_CHECK_NAME, ...outcome };
  if (!context) return [settings];
  const results: CheckResult[] = [settings];
  // One after another: the lines come out in the table's order and a slow endpoint never hides another's answer.
  for (const check of checks) results.push(await runCheck(check, context));
  return results;
}
