import type { Me } from '@flowform/api';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/endpoints';
import { ApiError, setUnauthenticatedHandler } from '../api/http';

type SessionState =
  | { status: 'checking' }
  | { status: 'signedOut'; expired?: boolean }
  | { status: 'signedIn'; me: Me };

interface Session {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<void>;
  /** The one-time password was changed: the app opens. */
  passwordChanged: () => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * Who is signed in. The session lives in the server's HttpOnly cookie; the token the login
 * answers is not kept by script. A 401 on any call returns to the login page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  useEffect(() => {
    api.me().then(
      (me) => setState({ status: 'signedIn', me }),
      () => setState({ status: 'signedOut' }),
    );
    setUnauthenticatedHandler(() => setState({ status: 'signedOut', expired: true }));
    return () => setUnauthenticatedHandler(undefined);
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await api.login(username, password);
    setState({ status: 'signedIn', me: user });
  }, []);
  const signOut = useCallback(async () => {
    await api.logout().catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
    });
    setState({ status: 'signedOut' });
  }, []);
  const passwordChanged = useCallback(() => {
    setState((now) =>
      now.status === 'signedIn' ? { status: 'signedIn', me: { ...now.me, mustChangePassword: false } } : now,
    );
  }, []);
  const value = useMemo(
    () => ({ state, signIn, signOut, passwordChanged }),
    [state, signIn, signOut, passwordChanged],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const found = useContext(SessionContext);
  if (!found) throw new Error('useSession outside SessionProvider');
  return found;
}

/** The signed-in user (only used below the signed-in shell). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe while signed out');
  return state.me;
}
