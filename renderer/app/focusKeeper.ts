/**
 * Focus never falls to the page body after an action. When the focused control goes away
 * (a deleted session's buttons, a list re-rendered, a form replaced by its outcome) or is
 * disabled (a button that starts a long task), the browser moves focus to <body>, and a
 * keyboard or screen-reader user has to start again from the top of the window. The keeper
 * notices that (after each DOM change) and moves focus to the nearest control still there:
 * inside the closest ancestor of the lost control that is still on the page, else the
 * page's heading. A click on an empty part of the page (focus on body with the last control
 * still usable) is left alone.
 */

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

let lastFocused: HTMLElement | null = null;
/** The ancestors of the last focused control, nearest first, taken when it got focus. */
let lastChain: HTMLElement[] = [];

function ancestors(element: HTMLElement): HTMLElement[] {
  const chain: HTMLElement[] = [];
  for (let current = element.parentElement; current && current !== document.body; current = current.parentElement) chain.push(current);
  return chain;
}

function usable(element: HTMLElement): boolean {
  if (!element.isConnected) return false;
  if (element.matches(':disabled') || element.getAttribute('aria-hidden') === 'true' || element.closest('[inert]')) return false;
  if (element.tabIndex < 0 && !/^H[1-6]$/.test(element.tagName)) return false;
  // Rendered (not display: none, not inside a closed <details> or a hidden list).
  return element.getClientRects().length > 0;
}

/** The first control in `container` focus can go to; its heading when it has none. */
function firstFocusable(container: HTMLElement): HTMLElement | null {
  for (const candidate of container.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (usable(candidate)) return candidate;
  }
  const heading = container.querySelector<HTMLElement>('h1, h2, h3, h4');
  if (heading && heading.getClientRects().length > 0) {
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    return heading;
  }
  return null;
}

/** Whether focus is lost: on the body (or nowhere) while no modal dialog is open. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return (active === null || active === document.body) && document.querySelector('dialog[open]') === null;
}

/** Moves focus near where `chain` (an element's ancestors, nearest first) was: a control, else the page's h1. */
export function focusNear(chain: readonly HTMLElement[]): void {
  for (const container of chain) {
    if (!container.isConnected) continue;
    const target = firstFocusable(container);
    if (target) {
      target.focus();
      return;
    }
  }
  const fallback = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  fallback?.focus();
}

/** The ancestors of the focused element, for focusNear once it is gone. */
export function focusChain(): HTMLElement[] {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? ancestors(active) : [];
}

function check(): void {
  if (!focusIsLost() || !lastFocused) return;
  // Still there and usable: the user clicked somewhere that takes no focus. Leave it.
  if (lastFocused.isConnected && !lastFocused.matches(':disabled')) return;
  focusNear(lastChain);
}

/** Starts the keeper for the whole window; returns a function that stops it. */
export function startFocusKeeper(): () => void {
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement && event.target !== document.body) {
      lastFocused = event.target;
      lastChain = ancestors(event.target);
    }
  };
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      check();
    });
  });
  document.addEventListener('focusin', onFocusIn);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}
