import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, hasSession, onSignedOut, refreshSession, signOut } from '../api/client';
import type { Me } from '../api/types';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { AnnouncerProvider, useAnnouncer } from './announcer';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { matchPath, useRouter } from './router';
import { homeOf, ROUTES } from './routes';
import { SessionContext } from './session';

type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; me: Me };

export function App() {
  return (
    <AnnouncerProvider>
      <Shell />
    </AnnouncerProvider>
  );
}

function Shell() {
  const { path, navigate } = useRouter();
  const { announce } = useAnnouncer();
  const [session, setSession] = useState<SessionState>({ status: 'restoring' });

  const loadMe = useCallback(async () => {
    const me = await api<Me>('/auth/me');
    setSession({ status: 'signed-in', me });
    return me;
  }, []);

  useEffect(() => {
    onSignedOut(() =>
      setSession({ status: 'signed-out', notice: 'Your session has ended. Please sign in again.' }),
    );
    if (!hasSession()) {
      setSession({ status: 'signed-out' });
      return;
    }
    const restore = async () => {
      if (await refreshSession()) await loadMe();
      else setSession({ status: 'signed-out' });
    };
    restore().catch(() => setSession({ status: 'signed-out' }));
  }, [loadMe]);

  const handleSignOut = useCallback(() => {
    void signOut().then(() => {
      setSession({ status: 'signed-out', notice: 'You have signed out.' });
      navigate('/login');
    });
  }, [navigate]);

  const me = session.status === 'signed-in' ? session.me : null;
  const sessionValue = useMemo(
    () => (me ? { me, signOut: handleSignOut } : null),
    [me, handleSignOut],
  );

  // Where a signed-in user lands: their role's first page.
  useEffect(() => {
    if (me && (path === '/' || path === '/login')) navigate(homeOf(me.role), { replace: true });
  }, [me, path, navigate]);

  if (session.status === 'restoring') {
    return (
      <Layout me={null} onSignOut={handleSignOut}>
        <p className="loading">Loading…</p>
      </Layout>
    );
  }
  if (session.status === 'signed-out' || !me || !sessionValue) {
    return (
      <Layout me={null} onSignOut={handleSignOut}>
        <LoginPage
          notice={session.status === 'signed-out' ? session.notice : undefined}
          onSignedIn={async () => {
            const signedIn = await loadMe();
            announce(`Signed in as ${signedIn.displayName}.`);
            navigate(path === '/' || path === '/login' ? homeOf(signedIn.role) : path, {
              replace: true,
            });
          }}
        />
      </Layout>
    );
  }

  let content = null;
  for (const route of ROUTES[me.role]) {
    const params = matchPath(route.path, path);
    if (params) {
      content = route.render(params);
      break;
    }
  }
  return (
    <SessionContext.Provider value={sessionValue}>
      <Layout me={me} onSignOut={handleSignOut}>
        <ErrorBoundary resetKey={path}>
          {content ??
            (path === '/' || path === '/login' ? (
              <p className="loading">Loading…</p>
            ) : (
              <NotFoundPage />
            ))}
        </ErrorBoundary>
      </Layout>
    </SessionContext.Provider>
  );
}
