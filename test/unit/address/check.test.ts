// A form's structured address is checked against the units in force before a dossier is submitted: the
// text is what the receipt prints, so a caller cannot print an address the pickers would not give.
import { describe, expect, it } from 'vitest';
import { createAddressBook } from '../../../main/core/address';
import { createAudit } from '../../../main/core/audit';
import { exampleData } from '../../../main/core/catalogue/examples';
import { SEED_PROCEDURES } from '../../../main/core/catalogue/seed';
import { manualClock } from '../../../main/core/clock';
import { openDatabase } from '../../../main/core/db/open';
import { answer } from '../failures';
import { local, makeCore, quietLogs, tempDir } from '../helpers';

quietLogs();

const PROCEDURE = 'dang-ky-thuong-tru';

async function problemsFor(change: (address: Record<string, unknown>) => void) {
  const { core } = await makeCore();
  const draft = await answer<{ id: string; draftToken: string }>(
    core.call('dossier.create', { procedureId: PROCEDURE }, local),
  );
  const data = exampleData(PROCEDURE);
  change(data.diaChi as Record<string, unknown>);
  const ids = { id: draft.id, draftToken: draft.draftToken };
  await answer(core.call('dossier.update', { ...ids, data, contact: { phone: '0912345678' } }, local));
  const check = await answer<{ problems: { code: string; field?: string }[] }>(
    core.call('dossier.check', ids, local),
  );
  return check.problems.filter((p) => p.code.startsWith('address-'));
}

describe('structured addresses checked before submit', () => {
  it('the example address, as the pickers give it, passes', async () => {
    expect(await problemsFor(() => undefined)).toEqual([]);
  });

  it.each([
    [
      'a commune code no unit has',
      (a: Record<string, unknown>) => (a.communeCode = '99999'),
      'address-commune-unknown',
    ],
    [
      'another commune’s name on the code',
      (a: Record<string, unknown>) => (a.commune = 'Phường Bến Thành'),
      'address-commune-mismatch',
    ],
    ['another province', (a: Record<string, unknown>) => (a.provinceCode = '01'), 'address-commune-mismatch'],
    [
      'a text that is not its parts (what the receipt would print)',
      (a: Record<string, unknown>) => (a.text = 'Dinh Độc Lập, Quận 1'),
      'address-text-mismatch',
    ],
  ])('%s is refused under the field, with what to do', async (_, change, code) => {
    expect(await problemsFor(change)).toEqual([expect.objectContaining({ code, field: 'diaChi' })]);
  });
});

describe('the seed procedures’ example forms', () => {
  it('hold only addresses the pickers would give (the e2e and unit fixtures file them)', () => {
    const clock = manualClock('2026-11-23T02:00:00.000Z');
    const { db } = openDatabase(tempDir(), clock.now());
    const book = createAddressBook(db, {
      clock,
      audit: createAudit(db, clock),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    for (const procedure of SEED_PROCEDURES) {
      let data: unknown;
      try {
        data = exampleData(procedure.id);
      } catch {
        continue; // a procedure without an example form
      }
      expect(book.checkAddresses(data), procedure.id).toEqual([]);
    }
    db.close();
  });
});
