/* global window, document, getComputedStyle, CSS */
/**
 * Runs inside the Agents Playground page (injected by playgroundCardHost.ts). It finds the card of each bot
 * message, frames it at a chosen width, and measures what a person would see: the texts and names it shows, whether
 * anything scrolls or is cut off sideways, and whether every control lies inside the card. axe-core is injected
 * separately; `runAxe` runs it on the cards only and sorts its findings by card. `focusCardStart`, `focusedStop`
 * and `tabbableStops` let a test walk a card with the Tab key.
 */
(function installCardProbe() {
  const CARD_ATTRIBUTE = 'data-a11y-card';
  const FRAME_ATTRIBUTE = 'data-a11y-frame';
  const SLACK_PX = 1;

  /**
   * The outermost rendered card of each message, in chat order: an Adaptive Card, or the hero card the Playground
   * draws for an OAuth card. A card nested in another (Action.ShowCard) is not one.
   */
  function cardRoots() {
    return Array.from(document.querySelectorAll('.ac-adaptiveCard, [data-tid="hero-card"]')).filter(
      (card) => !card.parentElement.closest('.ac-adaptiveCard, [data-tid="hero-card"]'),
    );
  }

  /**
   * Names the cards in chat order and marks the frame the Playground draws around each (a fixed 450 px box), so
   * the stylesheet below can give every card the width under test.
   */
  function tag(ids) {
    const cards = cardRoots();
    if (cards.length !== ids.length) throw new Error(`Expected ${ids.length} cards in the chat, found ${cards.length}`);
    cards.forEach((card, index) => {
      card.setAttribute(CARD_ATTRIBUTE, ids[index]);
      const panel = card.closest('.ac-preview-panel');
      (panel ? panel.parentElement : card.parentElement).setAttribute(FRAME_ATTRIBUTE, ids[index]);
    });
    if (!document.getElementById('a11y-card-width')) {
      const style = document.createElement('style');
      style.id = 'a11y-card-width';
      // The frame has a 2 px border on each side and border-box sizing: the card inside is the variable's width.
      style.textContent = `[${FRAME_ATTRIBUTE}]{width:calc(var(--a11y-card-width, 446px) + 4px) !important;max-width:none !important;}`;
      document.head.appendChild(style);
    }
  }

  function setCardWidth(px) {
    document.documentElement.style.setProperty('--a11y-card-width', `${px}px`);
  }

  /**
   * Gives one card the width `px` (its frame drawn 4 px wider, as `tag` does for every card), or its own width back
   * with `null`: for a page whose cards are not tagged, such as the Playground's own chat.
   */
  function setFrameWidth(card, px) {
    const panel = card.closest('.ac-preview-panel');
    const frame = panel ? panel.parentElement : card.parentElement;
    for (const [property, value] of [['width', `${px + 4}px`], ['max-width', 'none']]) {
      if (px === null) frame.style.removeProperty(property);
      else frame.style.setProperty(property, value, 'important');
    }
  }

  function cardById(id) {
    const card = document.querySelector(`[${CARD_ATTRIBUTE}="${CSS.escape(id)}"]`);
    if (!card) throw new Error(`No card ${id} in the page`);
    return card;
  }

  function describe(element) {
    const classes = typeof element.className === 'string' ? element.className.split(/\s+/).filter((name) => name.startsWith('ac-')).join('.') : '';
    const text = (element.innerText || element.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${text}"`;
  }

  function isShown(element) {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
  }

  /** Everything the card shows or names for assistive technology, whitespace collapsed. */
  function shownText(card) {
    const parts = [card.innerText];
    for (const element of card.querySelectorAll('*')) {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) parts.push(value);
      }
      if ((element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') && element.value) parts.push(element.value);
    }
    return parts.join('\n').replace(/\s+/g, ' ');
  }

  /**
   * Sideways overflow: an element whose content is wider than its box and is scrolled or cut (overflow not
   * visible), including one-line texts ended with an ellipsis. Text fields are left out: a long value scrolls
   * inside its field by design.
   */
  function clippedElements(card) {
    const clipped = [];
    for (const element of [card, ...card.querySelectorAll('*')]) {
      if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || !isShown(element)) continue;
      // The renderer's own "…" overflow button draws its dots wider than its icon box; it is the host's, not the card's.
      if (isOverflowButtonPart(element)) continue;
      const overflowX = getComputedStyle(element).overflowX;
      if (overflowX === 'visible') continue;
      if (element.scrollWidth > element.clientWidth + SLACK_PX) {
        clipped.push(`${describe(element)} (content ${element.scrollWidth} px in ${element.clientWidth} px, overflow-x ${overflowX})`);
      }
    }
    return clipped;
  }

  function isOverflowButtonPart(element) {
    const button = element.closest('button');
    return Boolean(button && /^(\.\.\.|…)$/.test((button.innerText || '').trim()));
  }

  function parseColor(value) {
    const match = /rgba?\(([^)]+)\)/.exec(value);
    if (!match) return null;
    const [r, g, b, a] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a: a === undefined ? 1 : a };
  }

  function over(top, bottom) {
    const mix = (channel) => top[channel] * top.a + bottom[channel] * (1 - top.a);
    return { r: mix('r'), g: mix('g'), b: mix('b'), a: 1 };
  }

  function luminance(color) {
    const linear = (channel) => {
      const value = channel / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
  }

  /** The page's own canvas colour as the browser resolves the CSS system colour (forced palette in contrast mode). */
  function canvasColor() {
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'Canvas';
    document.body.appendChild(probe);
    const color = parseColor(getComputedStyle(probe).backgroundColor);
    probe.remove();
    return color;
  }

  /** The colour behind an element: its and its ancestors' computed backgrounds, composed down to the canvas. */
  function backgroundBehind(element) {
    const layers = [];
    for (let current = element; current; current = current.parentElement) {
      const color = parseColor(getComputedStyle(current).backgroundColor);
      if (color && color.a > 0) {
        layers.push(color);
        if (color.a >= 1) break;
      }
    }
    let background = layers.length > 0 && layers[layers.length - 1].a >= 1 ? layers.pop() : canvasColor();
    while (layers.length > 0) background = over(layers.pop(), background);
    return background;
  }

  /**
   * WCAG contrast of every element that draws text of its own, from computed styles: 4.5:1, or 3:1 for large text
   * (24 px, or 18.66 px bold). Used where axe cannot read the drawn colours (forced colors: axe 4.14 reads
   * `-webkit-text-fill-color`, which Chromium leaves at the author's colour while it paints the forced one).
   */
  function contrastByStyles(card) {
    let checked = 0;
    const failures = [];
    for (const element of [card, ...card.querySelectorAll('*')]) {
      const ownText = Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent.trim() !== '');
      if (!ownText || !isShown(element)) continue;
      const style = getComputedStyle(element);
      const background = backgroundBehind(element);
      const foregroundColor = parseColor(style.color);
      if (!foregroundColor) continue;
      const foreground = over(foregroundColor, background);
      const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      checked += 1;
      if (ratio < needed) failures.push(`${describe(element)}: ${ratio.toFixed(2)}:1 (${style.color} on ${JSON.stringify(background)}), needs ${needed}:1`);
    }
    return { checked, failures };
  }

  /** Buttons, fields and links that do not lie wholly inside the card's box. */
  function controlsOutside(card) {
    const box = card.getBoundingClientRect();
    const outside = [];
    for (const control of card.querySelectorAll('button, [role="button"], input, select, textarea, a[href]')) {
      if (!isShown(control)) continue;
      const rect = control.getBoundingClientRect();
      if (rect.left < box.left - SLACK_PX || rect.right > box.right + SLACK_PX) {
        outside.push(`${describe(control)} spans ${Math.round(rect.left - box.left)}..${Math.round(rect.right - box.left)} px of a ${Math.round(box.width)} px card`);
      }
    }
    return outside;
  }

  function measure(id) {
    return measureCard(cardById(id));
  }

  /** What `measure` reports, for any rendered card root (a page that did not `tag` its cards). */
  function measureCard(card) {
    return {
      width: Math.round(card.getBoundingClientRect().width),
      text: shownText(card),
      horizontalScroll: card.scrollWidth > card.clientWidth + SLACK_PX,
      clipped: clippedElements(card),
      controlsOutside: controlsOutside(card),
      contrast: contrastByStyles(card),
      hasOverflowMenu: Array.from(card.querySelectorAll('button')).some((button) => isShown(button) && isOverflowButtonPart(button)),
    };
  }

  /** axe-core on the cards only; every finding is filed under the card it is in. */
  async function runAxe() {
    const results = await window.axe.run({ include: [[`[${CARD_ATTRIBUTE}]`]] }, { resultTypes: ['violations', 'incomplete', 'passes'] });
    const byCard = {};
    const element = (node) => {
      const target = node.target && node.target[0];
      return typeof target === 'string' ? document.querySelector(target) : null;
    };
    // Text drawn by the Playground's own components (Fluent choice labels, its hero card) takes its colour from
    // the Playground's theme, whatever the card says.
    const hostStyled = (node) => {
      const found = element(node);
      const card = found && found.closest(`[${CARD_ATTRIBUTE}]`);
      const drawnBy = found && found.closest('[class*="fui-"], [data-tid="hero-card"]');
      return Boolean(card && drawnBy && card.contains(drawnBy));
    };
    const entry = (node) => {
      const found = element(node);
      const card = found && found.closest(`[${CARD_ATTRIBUTE}]`);
      const id = card ? card.getAttribute(CARD_ATTRIBUTE) : '(outside the cards)';
      byCard[id] ??= { violations: [], contrastChecked: 0, contrastIncomplete: 0 };
      return byCard[id];
    };
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        entry(node).violations.push({ rule: violation.id, impact: node.impact || violation.impact, target: String(node.target), html: node.html.slice(0, 200), summary: node.failureSummary, hostStyled: hostStyled(node) });
        if (violation.id === 'color-contrast') entry(node).contrastChecked += 1;
      }
    }
    for (const pass of results.passes.filter((rule) => rule.id === 'color-contrast')) for (const node of pass.nodes) entry(node).contrastChecked += 1;
    for (const incomplete of results.incomplete.filter((rule) => rule.id === 'color-contrast')) {
      for (const node of incomplete.nodes) {
        // axe files text whose colour equals its background (1:1, invisible) under "needs review"; it is a failure.
        const check = (node.any || []).find((result) => result.data && result.data.messageKey === 'equalRatio');
        if (check) {
          entry(node).violations.push({ rule: 'color-contrast', impact: 'serious', target: String(node.target), html: node.html.slice(0, 200), summary: check.message, hostStyled: hostStyled(node) });
          entry(node).contrastChecked += 1;
        } else entry(node).contrastIncomplete += 1;
      }
    }
    return byCard;
  }

  /** Focuses the card itself, which is not a Tab stop: the next Tab goes to the card's first control. */
  function focusCardStart(id) {
    const card = cardById(id);
    if (!card.hasAttribute('tabindex')) card.setAttribute('tabindex', '-1');
    card.focus({ preventScroll: true });
    return document.activeElement === card;
  }

  const INPUT_ROLES = new Set(['combobox', 'checkbox', 'radio', 'textbox', 'spinbutton', 'slider', 'switch', 'listbox']);

  /**
   * A control as a keyboard user meets it: an input, the renderer's "more actions" menu button, or an action with
   * its name; and where it is drawn, relative to the card.
   */
  function stopOf(element, card) {
    const tag = element.tagName.toLowerCase();
    const role = element.getAttribute('role') || '';
    // The renderer's overflow button is a Fluent menu button ("More options") that opens the actions it holds.
    const opensMenu = element.hasAttribute('aria-haspopup') || element.hasAttribute('aria-expanded') || /\bfui-MenuButton\b/.test(String(element.className));
    const kind = ['input', 'textarea', 'select'].includes(tag) || INPUT_ROLES.has(role) ? 'input' : opensMenu ? 'more' : 'action';
    const labelledBy = (element.getAttribute('aria-labelledby') || '')
      .split(/\s+/)
      .map((labelId) => document.getElementById(labelId))
      .filter(Boolean)
      .map((label) => label.innerText)
      .join(' ');
    const name = (element.getAttribute('aria-label') || labelledBy || drawnText(element) || element.getAttribute('title') || '').replace(/\s+/g, ' ').trim();
    const box = element.getBoundingClientRect();
    const origin = card.getBoundingClientRect();
    return {
      kind,
      name,
      html: element.outerHTML.slice(0, 120),
      box: { top: box.top - origin.top, bottom: box.bottom - origin.top, left: box.left - origin.left, right: box.right - origin.left },
    };
  }

  /** The text an element draws: a visually hidden description inside it (a 1 px box) is not drawn. */
  function drawnText(element) {
    const parts = [];
    const walker = document.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const box = node.parentElement.getBoundingClientRect();
      if (isShown(node.parentElement) && box.width > 1 && box.height > 1) parts.push(node.textContent);
    }
    return parts.join(' ');
  }

  /** The control that has the focus, if it is in this card. */
  function focusedStop(id) {
    const card = cardById(id);
    const element = document.activeElement;
    if (!element || element === card || !card.contains(element)) return null;
    return stopOf(element, card);
  }

  /**
   * The card's controls that Tab should reach, in document order: shown, enabled, with a tabIndex of 0 or more. A
   * group of radio buttons is one stop (Tab enters it once; the arrow keys move inside it).
   */
  function tabbableStops(id) {
    const card = cardById(id);
    const radioGroups = new Set();
    const stops = [];
    for (const element of card.querySelectorAll('*')) {
      if (element === card || element.tabIndex < 0 || element.disabled || !isShown(element)) continue;
      if (element.tagName === 'INPUT' && element.type === 'radio') {
        if (radioGroups.has(element.name)) continue;
        radioGroups.add(element.name);
      }
      stops.push(stopOf(element, card));
    }
    return stops;
  }

  window.__cardProbe = { tag, setCardWidth, setFrameWidth, measure, measureCard, runAxe, focusCardStart, focusedStop, tabbableStops, cardCount: () => cardRoots().length };
})();
