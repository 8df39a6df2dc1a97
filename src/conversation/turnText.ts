import type { Activity, TurnContext } from 'botbuilder';
import { textFor, type Text } from '../i18n/text';

const TURN_TEXT = Symbol('turnText');

/**
 * The language this turn answers in: the activity's `locale`, else its `clientInfo` entity's, with the time zone
 * from `clientInfo` (UTC when Teams sends none). Worked out once a turn; a late answer built from the same context
 * speaks the language of the turn that started it.
 */
export function textOf(context: TurnContext): Text {
  const kept = context.turnState.get(TURN_TEXT) as Text | undefined;
  if (kept !== undefined) return kept;
  const text = textOfActivity(context.activity);
  context.turnState.set(TURN_TEXT, text);
  return text;
}

/**
 * Makes `context` speak `text`: for a turn that is not the user's own (the proactive turn that posts a late answer),
 * whose activity carries no locale or time zone of the user's, so what is said there (the outbound gate's sentence
 * included) is in the language of the turn that started it.
 */
export function speakAs(context: TurnContext, text: Text): void {
  context.turnState.set(TURN_TEXT, text);
}

export function textOfActivity(activity: Partial<Pick<Activity, 'locale' | 'entities'>>): Text {
  const clientInfo = clientInfoOf(activity);
  const locale = typeof activity.locale === 'string' && activity.locale !== '' ? activity.locale : clientInfo.locale;
  return textFor(locale, clientInfo.timezone);
}

/** Teams' `clientInfo` entity, read defensively: any field may be missing or of the wrong type. */
function clientInfoOf(activity: Partial<Pick<Activity, 'entities'>>): { locale?: string; timezone?: string } {
  const entity: unknown = Array.isArray(activity.entities) ? activity.entities.find((candidate) => candidate?.type === 'clientInfo') : undefined;
  if (typeof entity !== 'object' || entity === null) return {};
  const { locale, timezone } = entity as Record<string, unknown>;
  return { ...(typeof locale === 'string' ? { locale } : {}), ...(typeof timezone === 'string' ? { timezone } : {}) };
}
