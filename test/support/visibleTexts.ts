import type { Exchange } from './botHarness';

const READ_PROPERTIES = ['text', 'title', 'placeholder', 'label', 'errorMessage', 'altText', 'fallbackText', 'value'];

/** What a person reads or hears on a card: its texts, titles, labels, placeholders, choices, facts and typed values. */
export function visibleTexts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => visibleTexts(child, found));
  else if (node !== null && typeof node === 'object') {
    const type = String((node as { type?: unknown }).type);
    for (const [key, value] of Object.entries(node)) {
      // Not read: action payloads, links, ids, and the values behind a choice or a toggle (its title is what shows).
      if (['data', 'url', 'verb', 'id', 'valueOn', 'valueOff'].includes(key)) continue;
      if (key === 'value' && /^Input\.(ChoiceSet|Toggle)$/.test(type)) continue;
      if (key === 'choices' && Array.isArray(value)) {
        for (const choice of value as { title?: unknown }[]) if (typeof choice.title === 'string') found.push(choice.title);
        continue;
      }
      if (typeof value === 'string' && READ_PROPERTIES.includes(key)) found.push(value);
      else visibleTexts(value, found);
    }
  }
  return found;
}

/** Everything the replies of an exchange show: message texts and what their cards show. */
export function shownIn(exchange: Exchange): string[] {
  return exchange.activities.flatMap((activity) => [
    ...(activity.type === 'message' && typeof activity.text === 'string' && activity.text !== '' ? [activity.text] : []),
    ...(activity.attachments ?? []).flatMap((attachment) => visibleTexts(attachment.content)),
    // An invoke's answer: a card to show in place, or a message.
    ...(activity.type === 'invokeResponse' ? visibleTexts((activity.value as { body?: { value?: unknown } } | undefined)?.body?.value) : []),
  ]);
}
