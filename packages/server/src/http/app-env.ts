import type { InMemoryDirectory, Locale, RoleInUnit } from '@flowform/engine';
import type { Logger } from './logger';

/** The signed-in user as a request sees them: the directory as of this request. */
export interface AuthUser {
  username: string;
  sessionId: string;
  /** How the request authenticated: cookies need CSRF protection, bearer tokens do not. */
  via: 'bearer' | 'cookie';
  directory: InMemoryDirectory;
  roles: RoleInUnit[];
  isAdmin: boolean;
  /** A one-time password not yet changed: only the routes that change it answer. */
  mustChangePassword: boolean;
}

/** Hono's per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    locale: Locale;
    user: AuthUser;
    /**
     * Set by a command route whose 200 body is the runtime's outcome, which the runtime recorded
     * under the request's Idempotency-Key in the command's own transaction: no second write.
     */
    recordedByRuntime?: boolean;
  };
}
