import { useAppInfo } from '../context';
import { Emblem } from './icons';

/** The emblem and the centre's name at the top of every screen; staff screens add a subtitle. */
export function Brand({ subtitle }: { subtitle?: string }) {
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
          <p className="staff-area-label">{subtitle}</p>
        </div>
      )}
    </div>
  );
}
