import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useRouter } from '../app/router';

/**
 * Every page: its title in the tab and as the one h1. After a change of page inside the app the
 * h1 takes the focus, so keyboard and screen reader users start reading the new page.
 */
export function Page({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { navigations, path } = useRouter();
  useEffect(() => {
    document.title = `${title} · Upward Mobility Program`;
  }, [title]);
  useEffect(() => {
    if (navigations > 0) heading.current?.focus();
  }, [navigations, path]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}
