/** Every check the doctor runs after the settings load, in the order its lines are printed. */
import type { DoctorCheck } from '../checkResult';
import { clientCredentialCheck } from './clientCredentialCheck';
import { adminConsentCheck, appIdCheck, applicationIdUriCheck, tenantCheck } from './identityChecks';
import { manifestMatchesSettingsCheck, manifestPlaceholdersCheck } from './manifestChecks';
import { storageCheck } from './storageCheck';
import { tokenRequestCheck } from './tokenRequestCheck';

export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  appIdCheck,
  tenantCheck,
  applicationIdUriCheck,
  clientCredentialCheck,
  tokenRequestCheck,
  storageCheck,
  manifestPlaceholdersCheck,
  manifestMatchesSettingsCheck,
  adminConsentCheck,
];
