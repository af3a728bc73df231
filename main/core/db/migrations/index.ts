import m0001 from './0001-staff.sql';
import m0002 from './0002-alerts.sql';
import m0003 from './0003-queue.sql';
import m0004 from './0004-dossiers.sql';
import m0005 from './0005-calendar.sql';
import m0006 from './0006-alert-subject.sql';
import m0007 from './0007-staff-signin.sql';
import m0008 from './0008-lookup-secret.sql';
import m0009 from './0009-draft-tokens.sql';
import m0010 from './0010-lan-devices.sql';
import m0011 from './0011-address-datasets.sql';
import m0012 from './0012-dossier-upgrades.sql';
import m0013 from './0013-reception.sql';
import m0014 from './0014-national-status.sql';
import m0015 from './0015-events-done.sql';
import m0016 from './0016-kept-drafts.sql';
import m0017 from './0017-ticket-dossier.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered, append-only: never edit a migration that has shipped; add the next number. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-staff', sql: m0001 },
  { version: 2, name: '0002-alerts', sql: m0002 },
  { version: 3, name: '0003-queue', sql: m0003 },
  { version: 4, name: '0004-dossiers', sql: m0004 },
  { version: 5, name: '0005-calendar', sql: m0005 },
  { version: 6, name: '0006-alert-subject', sql: m0006 },
  { version: 7, name: '0007-staff-signin', sql: m0007 },
  { version: 8, name: '0008-lookup-secret', sql: m0008 },
  { version: 9, name: '0009-draft-tokens', sql: m0009 },
  { version: 10, name: '0010-lan-devices', sql: m0010 },
  { version: 11, name: '0011-address-datasets', sql: m0011 },
  { version: 12, name: '0012-dossier-upgrades', sql: m0012 },
  { version: 13, name: '0013-reception', sql: m0013 },
  { version: 14, name: '0014-national-status', sql: m0014 },
  { version: 15, name: '0015-events-done', sql: m0015 },
  { version: 16, name: '0016-kept-drafts', sql: m0016 },
  { version: 17, name: '0017-ticket-dossier', sql: m0017 },
];
