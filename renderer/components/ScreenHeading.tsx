import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's h1. When `focusOnShow` is set, focus moves to it when the screen appears, so keyboard and
 * screen-reader users start at the top of what changed.
 */
export function ScreenHeading({
  children,
  id,
  focusOnShow = true,
}: {
  children: ReactNode;
  id?: string;
  focusOnShow?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  return (
    <h1 ref={heading} id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}
