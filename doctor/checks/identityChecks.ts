/**
 * Checks on the app registration's identifiers that need no network: the app id, the tenant, the Application ID
 * URI Teams requests SSO tokens for, and the admin-consent link for the tenant.
 */
import { failed, passed, type DoctorCheck } from '../checkResult';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
/** Entra's tenant-independent authority segments: they name no tenant, so an app cannot sign in to one of them. */
const TENANT_ALIASES = ['common', 'organizations', 'consumers'];

export const isGuid = (value: string): boolean => GUID.test(value);

export const appIdCheck: DoctorCheck = {
  name: 'app id',
  run: ({ auth }) =>
    isGuid(auth.appId)
      ? passed(`MICROSOFT_APP_ID is ${auth.appId}.`)
      : failed(`MICROSOFT_APP_ID "${auth.appId}" is not a GUID.`, "Copy the Application (client) ID from the app registration's Overview page in the Entra admin center."),
};

export const tenantCheck: DoctorCheck = {
  name: 'tenant',
  run: ({ auth }) => {
    const fix = "Set MICROSOFT_APP_TENANT_ID to the Directory (tenant) ID on the app registration's Overview page.";
    if (TENANT_ALIASES.includes(auth.tenantId.toLowerCase())) {
      return failed(
        `MICROSOFT_APP_TENANT_ID is "${auth.tenantId}", which names no tenant: a ${auth.appType} bot signs in to its own tenant (MICROSOFT_APP_TYPE=${auth.appType}).`,
        fix,
      );
    }
    if (!isGuid(auth.tenantId) && !DOMAIN.test(auth.tenantId)) return failed(`MICROSOFT_APP_TENANT_ID "${auth.tenantId}" is neither a GUID nor a domain name.`, fix);
    const reach = auth.appType === 'SingleTenant' ? 'only users of this tenant can use the bot' : 'users of other tenants can use the bot once their admin consents';
    return passed(`${auth.appType} app in tenant ${auth.tenantId}: ${reach}.`);
  },
};

export const applicationIdUriCheck: DoctorCheck = {
  name: 'application ID URI',
  run: ({ auth }) => {
    // The manifest template fixes webApplicationInfo.resource to api://botid-{BOT_ID}, so no other form can match it.
    const expected = `api://botid-${auth.appId}`;
    if (auth.applicationIdUri === expected) return passed(`SSO_APPLICATION_ID_URI is ${expected}, the one for MICROSOFT_APP_ID.`);
    return failed(
      `SSO_APPLICATION_ID_URI is "${auth.applicationIdUri}", but MICROSOFT_APP_ID ${auth.appId} needs ${expected}.`,
      `Remove SSO_APPLICATION_ID_URI (its default is ${expected}) and make ${expected} the Application ID URI under "Expose an API" in the app registration.`,
    );
  },
};

/** The tenant-wide admin-consent endpoint (Microsoft identity platform docs, as recalled): no state changes until an admin accepts. */
export function adminConsentUrl(authorityHost: string, tenant: string, appId: string): string {
  return `${authorityHost}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(appId)}`;
}

export const adminConsentCheck: DoctorCheck = {
  name: 'admin consent',
  run: ({ auth }) => {
    const url = adminConsentUrl(auth.authorityHost, auth.tenantId, auth.appId);
    const otherTenants = auth.appType === 'MultiTenant' ? ' For another tenant, its admin opens the same link with their tenant id in place of yours.' : '';
    return passed(`an admin of the tenant grants the app's Graph permissions for everyone at ${url}.${otherTenants}`);
  },
};
