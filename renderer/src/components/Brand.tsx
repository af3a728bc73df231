import type { ReactNode } from 'react';
import { useAppInfo } from '../context';
import { Emblem } from './icons';

/**
 * The emblem and the centre's name at the top of every screen; staff screens add a subtitle, and on a
 * paired counter PC a small line naming the device.
 */
export function Brand({ subtitle, detail }: { subtitle?: string; detail?: ReactNode }) {
  const { info } = useAppInfo();
  const name = (
    <p className="centre-name" data-testid="centre-name">
      {info.centreName}
    </p>
  );
  return (
    <div className="brand">
      <Emblem className="brand-emblem" />
      {subtitle === undefined ? (
        name
      ) : (
        <div>
          {name}
          <p className="staff-area-label">
            {subtitle}
            {detail === undefined ? null : (
              <>
                {' · '}
                {detail}
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
