import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { humanize } from '../lib/format';
import { StatusRegion } from './announcer';
import { Link } from './router';
import { ROUTES } from './routes';

/** Skip link, banner, the role's navigation, the main content with its live status line. */
export function Layout({
  me,
  onSignOut,
  children,
}: {
  me: Me | null;
  onSignOut(): void;
  children: ReactNode;
}) {
  const main = useRef<HTMLElement>(null);
  const routes = me ? ROUTES[me.role].filter((route) => route.nav) : [];
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="banner">
        <div className="banner-inner">
          <p className="app-name">
            <span aria-hidden="true" className="seal">
              UM
            </span>{' '}
            Upward Mobility Program
          </p>
          {me ? (
            <div className="who">
              <span>
                {me.displayName} <span className="role">({humanize(me.role)})</span>
              </span>
              <button type="button" className="link-button" onClick={onSignOut}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
        {routes.length > 0 ? (
          <nav aria-label="Main" className="main-nav">
            <ul>
              {routes.map((route) => (
                <li key={route.path}>
                  <Link to={route.path}>{route.nav}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <StatusRegion />
        {children}
      </main>
      <footer className="footer">
        <p>
          California Government Code 19400-19406. API reference: <a href="/api/docs">/api/docs</a>
        </p>
      </footer>
    </>
  );
}
