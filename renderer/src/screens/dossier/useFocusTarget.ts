/**
 * Bringing what must be fixed into view and giving it focus (the on-screen keyboard follows focus):
 * the first field marked in error, a person's block after a card filled it, a paper's section, or any
 * element by id. Runs after the step's screen has rendered.
 */
import { useEffect, useState } from 'react';

/** Target names besides element ids. */
export const FIRST_ERROR = '#first-error';
export const personGroup = (path: string): string => `group:${path}`;

export function useFocusTarget(step: string): (target: string | null) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    const frame = window.requestAnimationFrame(() => {
      const group = target.startsWith('group:');
      let element: HTMLElement | null;
      if (target === FIRST_ERROR) element = document.querySelector<HTMLElement>('.dossier-form .has-error');
      else if (group) element = document.getElementById(`root_${target.slice(6)}`);
      else element = document.getElementById(target);
      if (element && (target === FIRST_ERROR || element.getAttribute('role') === 'radiogroup'))
        element = element.querySelector<HTMLElement>('input, textarea, select') ?? element;
      // A filled person is shown from its title down; a field to fix, in the middle of the screen.
      element?.scrollIntoView({ block: group ? 'start' : 'center' });
      element?.focus({ preventScroll: true });
      setTarget(null);
    });
    return () => window.cancelAnimationFrame(frame);
  }, [target, step]);
  return setTarget;
}
