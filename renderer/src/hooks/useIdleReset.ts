import { useEffect, useRef, useState } from 'react';
import { idlePhase } from '../lib/idle';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Runs the citizen idle timer while `enabled`. Any pointer, key or touch restarts it, except during the
 * warning: then only "Tôi vẫn đang dùng" (or Esc) continues, so a stray touch elsewhere cannot silently
 * keep someone else's session open. Returns the seconds left while warning, else null.
 */
export function useIdleReset(options: {
  enabled: boolean;
  timeoutSeconds: number;
  warningSeconds: number;
  onExpire: () => void;
}): { secondsLeft: number | null; stillHere: () => void } {
  const { enabled, timeoutSeconds, warningSeconds } = options;
  const lastActivity = useRef(0);
  const warning = useRef(false);
  const onExpire = useRef(options.onExpire);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    onExpire.current = options.onExpire;
  });

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    warning.current = false;
    const onActivity = (): void => {
      if (!warning.current) lastActivity.current = Date.now();
    };
    const tick = (): void => {
      const p = idlePhase(Date.now() - lastActivity.current, timeoutSeconds, warningSeconds);
      if (p.phase === 'expired') {
        warning.current = false;
        lastActivity.current = Date.now();
        setSecondsLeft(null);
        onExpire.current();
      } else if (p.phase === 'warning') {
        warning.current = true;
        setSecondsLeft(p.secondsLeft);
      } else {
        warning.current = false;
        setSecondsLeft(null);
      }
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    const id = window.setInterval(tick, 250);
    return () => {
      window.clearInterval(id);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      warning.current = false;
      setSecondsLeft(null);
    };
  }, [enabled, timeoutSeconds, warningSeconds]);

  const stillHere = (): void => {
    warning.current = false;
    lastActivity.current = Date.now();
    setSecondsLeft(null);
  };

  return { secondsLeft: enabled ? secondsLeft : null, stillHere };
}
