/**
 * A client-credentials token request for Microsoft Graph with the bot's own credentials, built exactly as the bot
 * builds them (`msalCredentials`). It changes nothing in the tenant: Entra only issues an app token (the bot has no
 * application permissions, so the token carries none). A refusal names the setting behind Entra's error code.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { msalCredentials } from '../../src/auth/graphTokenService';
import { describeError, failed, passed, property, type CheckOutcome, type DoctorCheck } from '../checkResult';
import type { DoctorContext } from '../doctorContext';

interface Refusal {
  readonly detail: string;
  readonly fix: string;
}

const NEW_SECRET = 'Create a new client secret under "Certificates & secrets" and set MICROSOFT_APP_PASSWORD to its Value (not its Secret ID).';

/** Entra's AADSTS error numbers (error_codes in the token response), as documented in its error code reference (as recalled). */
const REFUSALS: Readonly<Record<string, Refusal>> = {
  '7000215': { detail: 'Entra refused MICROSOFT_APP_PASSWORD: it is not a valid secret of this app', fix: NEW_SECRET },
  '7000222': { detail: 'the client secret in MICROSOFT_APP_PASSWORD has expired', fix: NEW_SECRET },
  '700027': {
    detail: 'Entra refused the certificate (MICROSOFT_APP_CERTIFICATE_PATH, MICROSOFT_APP_CERTIFICATE_THUMBPRINT): it is not registered for this app or the thumbprint does not name it',
    fix: 'Upload this certificate under "Certificates & secrets" of the app registration and set MICROSOFT_APP_CERTIFICATE_THUMBPRINT to the thumbprint shown there.',
  },
  '700016': {
    detail: 'no app with MICROSOFT_APP_ID exists in tenant MICROSOFT_APP_TENANT_ID',
    fix: "Check MICROSOFT_APP_ID and MICROSOFT_APP_TENANT_ID against the app registration's Overview page.",
  },
  '90002': { detail: 'tenant MICROSOFT_APP_TENANT_ID does not exist', fix: "Set MICROSOFT_APP_TENANT_ID to the Directory (tenant) ID on the app registration's Overview page." },
};

const SIGN_IN_HOST_FIX = "Set AUTHORITY_HOST to https://login.microsoftonline.com (or your national cloud's sign-in host).";

/** msal-node's own codes for a request it will not send. */
const CLIENT_FAILURES: Readonly<Record<string, Refusal>> = {
  missing_tenant_id_error: {
    detail: 'an app token needs a tenant, and MICROSOFT_APP_TENANT_ID names none',
    fix: "Set MICROSOFT_APP_TENANT_ID to the Directory (tenant) ID on the app registration's Overview page.",
  },
  authority_uri_insecure: { detail: 'AUTHORITY_HOST is not an https URL, which msal-node refuses', fix: SIGN_IN_HOST_FIX },
};

function describeRefusal(error: unknown, context: DoctorContext): CheckOutcome {
  // msal-common copies error_codes[0] of the token response as it is: a number in Entra's JSON.
  const rawErrorNo = property(error, 'errorNo');
  const errorNo = typeof rawErrorNo === 'number' || typeof rawErrorNo === 'string' ? String(rawErrorNo) : '';
  const errorCode = property(error, 'errorCode');
  const known = REFUSALS[errorNo] ?? (typeof errorCode === 'string' ? CLIENT_FAILURES[errorCode] : undefined);
  const authority = `${context.auth.authorityHost}/${context.auth.tenantId}`;
  if (known) return failed(`${known.detail} (${errorNo ? `AADSTS${errorNo}` : String(errorCode)}, authority ${authority}).`, known.fix);
  if (errorNo !== '') {
    return failed(`Entra refused the token request with AADSTS${errorNo} (${String(errorCode)}) at ${authority}.`, `Look up AADSTS${errorNo} in Entra's error code reference and correct the setting it names.`);
  }
  return failed(
    `no token from ${authority}: ${typeof errorCode === 'string' ? errorCode : describeError(error)}.`,
    'Check that AUTHORITY_HOST and MICROSOFT_APP_TENANT_ID are right and that this host can reach the sign-in host over HTTPS.',
  );
}

async function requestAppToken(context: DoctorContext): Promise<CheckOutcome> {
  const { auth, config } = context;
  const msal = new ConfidentialClientApplication({
    auth: msalCredentials(auth),
    system: {
      ...(context.networkClient ? { networkClient: context.networkClient } : {}),
      loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
  // `.default` of the Graph host the bot calls: an app token for the right cloud, with whatever app roles exist (none).
  const scope = `${new URL(config.graph.baseUrl).origin}/.default`;
  let accessToken: string | undefined;
  try {
    accessToken = (await msal.acquireTokenByClientCredential({ scopes: [scope] }))?.accessToken;
  } catch (error) {
    return describeRefusal(error, context);
  }
  if (!accessToken) return failed(`the sign-in host answered without a token for ${scope}.`, 'Check AUTHORITY_HOST.');
  return passed(`the sign-in host issued an app token for ${scope} to ${auth.appId} at ${auth.authorityHost}/${auth.tenantId} (the token is not shown).`);
}

export const tokenRequestCheck: DoctorCheck = {
  name: 'token request',
  run: async (context) => {
    try {
      return await requestAppToken(context);
    } catch (error) {
      // msalCredentials reads the certificate file; its own check has already said why that failed.
      return failed(`no token was requested: ${describeError(error)}.`, 'Fix the client credential first (see the "client credential" line).');
    }
  },
};
