import { useEffect, useRef } from 'react';

/**
 * A wizard's step heading, focused whenever the step changes (not on the first render), so keyboard and
 * screen-reader users start at the top of each new step.
 */
export function useStepFocus(step: string) {
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else stepHeading.current?.focus();
  }, [step]);
  return stepHeading;
}
