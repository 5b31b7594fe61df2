/**
 * A small history router: the server answers every page path with index.html, the app picks
 * the page from `location.pathname`. Links are real links (open in a new tab, copy the address).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';

interface Router {
  path: string;
  /** How many times the page changed inside the app (0 on a fresh load). */
  navigations: number;
  search: URLSearchParams;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<Router | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => ({
    path: window.location.pathname,
    search: window.location.search,
    navigations: 0,
  }));
  useEffect(() => {
    // A jump to an anchor (#section) on the same page is not a change of page.
    const onPop = () =>
      setLocation((previous) =>
        previous.path === window.location.pathname && previous.search === window.location.search
          ? previous
          : {
              path: window.location.pathname,
              search: window.location.search,
              navigations: previous.navigations + 1,
            },
      );
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation((previous) => ({
      path: window.location.pathname,
      search: window.location.search,
      navigations: previous.navigations + 1,
    }));
  }, []);
  const value = useMemo(
    () => ({
      path: location.path,
      navigations: location.navigations,
      search: new URLSearchParams(location.search),
      navigate,
    }),
    [location, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

/** `/employees/:id` against `/employees/42` → `{ id: '42' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < expected.length; i++) {
    if (expected[i].startsWith(':')) params[expected[i].slice(1)] = decodeURIComponent(actual[i]);
    else if (expected[i] !== actual[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const { navigate, path } = useRouter();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified) return;
    event.preventDefault();
    navigate(to);
  };
  const current = path === to.split('?')[0] ? 'page' : undefined;
  return (
    <a href={to} onClick={handle} aria-current={current} {...rest}>
      {children}
    </a>
  );
}
