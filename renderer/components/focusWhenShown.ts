/**
 * A ref callback for what a keyboard user should land on when it appears (the heading of a view that opens once
 * its data has loaded, the result of an action whose button was disabled meanwhile). Being one function, React
 * calls it only when the element is added, never on later renders. The element needs tabIndex -1.
 */
export function focusWhenShown(element: HTMLElement | null): void {
  element?.focus();
}
