import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';
import { type LiveEvent, LiveEvents } from '../api/live-events';

const LiveContext = createContext<LiveEvents | undefined>(undefined);

/** Opens the tab's one event stream while the user is signed in. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const live = useMemo(() => new LiveEvents(), []);
  useEffect(() => {
    live.start();
    return () => live.stop();
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

/** Calls `handler` for each live event (the latest handler, without resubscribing). */
export function useLiveEvents(handler: (event: LiveEvent) => void): void {
  const live = useContext(LiveContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => live?.subscribe((event) => latest.current(event)), [live]);
}
