import { useEffect, useRef, type RefObject } from 'react';

/**
 * Focus for screen-reader and keyboard users on a page of several steps:
 * when `step` changes (choosing a time → confirming), or when the page's
 * content replaces its loading state and the focus fell to the body, the
 * step's heading takes the focus. The layout does the same for a new page.
 */
export function useStepFocus(
  heading: RefObject<HTMLHeadingElement | null>,
  ready: boolean,
  step: string,
): void {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const previous = shown.current;
    shown.current = step;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if ((previous !== null && previous !== step) || (previous === null && lost))
      heading.current?.focus();
  }, [heading, ready, step]);
}
