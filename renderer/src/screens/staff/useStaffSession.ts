import { useCallback, useEffect, useState } from 'react';
import type { KioskError, Result, Session, StaffUser } from '../../../../preload/api';
import { isSessionError } from '../../api';
import { useKiosk } from '../../context';

export type StaffState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice?: KioskError }
  | { status: 'signed-in'; user: StaffUser; expiresAt: string };

export interface StaffSession {
  state: StaffState;
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  /** For every staff call's error: true if it ended the session (the sign-in screen now shows why). */
  handleError(error: KioskError): boolean;
}

/**
 * The staff session. Sessions expire on the server after inactivity; `staff.me` says whether ours is
 * still alive. We ask it on arrival (a reloaded counter PC), and again when `expiresAt` passes, rather
 * than polling: `staff.me` extends the session, so polling would keep an abandoned one alive forever.
 */
export function useStaffSession(): StaffSession {
  const client = useKiosk();
  const [state, setState] = useState<StaffState>(() =>
    client.hasToken() ? { status: 'checking' } : { status: 'signed-out' },
  );

  const handleError = useCallback(
    (error: KioskError): boolean => {
      if (!isSessionError(error)) return false;
      client.setToken(undefined);
      setState({ status: 'signed-out', notice: error });
      return true;
    },
    [client],
  );

  const applyCheck = useCallback(
    (result: Result<{ user: StaffUser; expiresAt: string }>) => {
      if (result.ok) {
        setState({ status: 'signed-in', user: result.value.user, expiresAt: result.value.expiresAt });
      } else if (!handleError(result.error)) {
        setState((s) => (s.status === 'checking' ? { status: 'signed-out', notice: result.error } : s));
      }
    },
    [handleError],
  );
  const checkSession = useCallback(() => client.call('staff.me', {}).then(applyCheck), [client, applyCheck]);

  const checking = state.status === 'checking';
  useEffect(() => {
    if (!checking) return;
    let live = true;
    void client.call('staff.me', {}).then((result) => {
      if (live) applyCheck(result);
    });
    return () => {
      live = false;
    };
  }, [checking, client, applyCheck]);

  const expiresAt = state.status === 'signed-in' ? state.expiresAt : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const due = Date.parse(expiresAt) - Date.now() + 1000;
    if (!Number.isFinite(due)) return;
    // setTimeout's limit is ~24.8 days; a longer session is re-checked then.
    const id = window.setTimeout(() => void checkSession(), Math.min(Math.max(due, 1000), 2 ** 31 - 1));
    return () => window.clearTimeout(id);
  }, [expiresAt, checkSession]);

  const signedIn = useCallback(
    (session: Session) => {
      client.setToken(session.token);
      setState({ status: 'signed-in', user: session.user, expiresAt: session.expiresAt });
    },
    [client],
  );

  const signOut = useCallback(async () => {
    // The token is dropped whatever the server says: signing out must always work on this screen.
    await client.call('staff.signOut', {});
    client.setToken(undefined);
    setState({ status: 'signed-out' });
  }, [client]);

  return { state, signedIn, signOut, handleError };
}
