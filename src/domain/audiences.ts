import type { AllowedAudiences } from '@microsoft/microsoft-graph-types-beta';

/** Graph's `allowedAudiences` flags enum, written by name. */
export type Audience = AllowedAudiences;

/** Numeric flag values from Graph's beta metadata (`allowedAudiences`, IsFlags="true"); the wire has carried them as strings. */
export const AUDIENCE_FLAGS: Readonly<Record<Audience, number>> = Object.freeze({
  me: 0,
  family: 1,
  contacts: 2,
  groupMembers: 4,
  organization: 8,
  federatedOrganizations: 16,
  everyone: 32,
  unknownFutureValue: 64,
});

/** The audiences a user may choose, with labels, in the order offered. `unknownFutureValue` is never offered. */
export const SELECTABLE_AUDIENCES = ['me', 'contacts', 'groupMembers', 'organization', 'federatedOrganizations', 'everyone'] as const satisfies readonly Audience[];

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = Object.freeze({
  me: 'Only me',
  family: 'Family',
  contacts: 'My contacts',
  groupMembers: 'Group members',
  organization: 'My organization',
  federatedOrganizations: 'Federated organizations',
  everyone: 'Everyone',
  unknownFutureValue: 'Unknown',
});

export const DEFAULT_AUDIENCE: Audience = 'organization';
