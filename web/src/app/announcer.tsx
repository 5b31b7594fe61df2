/**
 * One polite live region for the outcome of what the user just did ("Plan submitted."). It
 * stays in the page, so screen readers announce every change of its text.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useRouter } from './router';
import type { ReactNode } from 'react';

interface Announcer {
  message: string;
  announce(message: string): void;
}

const AnnouncerContext = createContext<Announcer | null>(null);

/** A message announced this recently is about the page being opened, not the one left. */
const FRESH_MS = 2000;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announcedAt = useRef(0);
  const { path } = useRouter();
  const announce = useCallback((text: string) => {
    announcedAt.current = Date.now();
    // The same text twice in a row is still a new event: clear first.
    setMessage('');
    window.setTimeout(() => setMessage(text), 50);
  }, []);
  // Another page: an old outcome ("Plan saved.") no longer applies.
  useEffect(() => {
    if (Date.now() - announcedAt.current > FRESH_MS) setMessage('');
  }, [path]);
  const value = useMemo(() => ({ message, announce }), [message, announce]);
  return <AnnouncerContext.Provider value={value}>{children}</AnnouncerContext.Provider>;
}

export function useAnnouncer(): Announcer {
  const announcer = useContext(AnnouncerContext);
  if (!announcer) throw new Error('useAnnouncer outside AnnouncerProvider');
  return announcer;
}

export function StatusRegion() {
  const { message } = useAnnouncer();
  return (
    <div className={message ? 'status-message' : 'status-message empty'} role="status">
      {message}
    </div>
  );
}
