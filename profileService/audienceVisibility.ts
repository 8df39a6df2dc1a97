import { parseAllowedAudiences, type Audience } from '../src/domain/audiences';

/**
 * The audiences that let a colleague of the same tenant see an item. `me`, `family`, `contacts` and
 * `groupMembers` need a relation (being the owner, a personal or Outlook contact, a shared group) that this
 * stand-in cannot prove, so items limited to them stay hidden from everyone but the owner. A value naming no
 * known audience (null, empty, `unknownFutureValue` alone) is hidden too: when in doubt, show less.
 */
export const COLLEAGUE_AUDIENCES: readonly Audience[] = ['organization', 'federatedOrganizations', 'everyone'];

/** Whether another user of the owner's tenant may read an item with this `allowedAudiences` (flags, any form). */
export function visibleToColleagues(allowedAudiences: unknown): boolean {
  return parseAllowedAudiences(allowedAudiences).some((audience) => COLLEAGUE_AUDIENCES.includes(audience));
}
