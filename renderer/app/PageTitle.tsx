/**
 * A page's h1. After an in-app navigation it takes focus, so keyboard and screen-reader
 * users land on the new page instead of staying on the link they used.
 */
import { useEffect, useRef } from 'react';

let firstPage = true;

export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · CWG Desk`;
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
