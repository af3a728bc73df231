import type { MethodName } from '../../preload/api';
import { KioskFailure, kioskError } from './errors';
import type { Handler } from './handlers';

/** TEMPORARY while the dossier, chip and sync domains are wired: a method that answers "not built". */
export function notBuilt<M extends MethodName>(name: M): Handler<M> {
  return () => {
    throw new KioskFailure(
      kioskError('not-built', `Chức năng ${name} chưa sẵn sàng.`, `${name} is not ready yet.`),
    );
  };
}
