// The staff's day list with a dossier whose stored data is damaged (main marks it `damaged`): the mark in
// words, in Vietnamese and in English, and no receipt buttons on that row only.
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../../preload/api';
import { DayDossierRow } from '../../../../renderer/src/screens/staff/DayDossiers';
import { render, type Language } from '../render';

type DayDossier = MethodOutput<'dossier.today'>[number];

const intact: DayDossier = {
  id: '0b6f2c1e-8a4d-4c1b-9f3e-2d7a5b6c8e90',
  code: '000.00.12.H29-K01-261123-0001',
  portalCode: null,
  procedureName: 'Cấp Phiếu lý lịch tư pháp số 1',
  applicant: 'Lê Thị Hồng (••••••••1234)',
  receivedAt: '2026-11-23T02:10:00.000Z',
  dueDate: '2026-12-03',
  assistedBy: 'Quản trị',
  channel: 'counter',
  reception: 'received',
  status: 'received',
  sync: 'waiting',
};

const damaged: DayDossier = {
  ...intact,
  id: '6a1d0f3b-2c4e-4f5a-8b7c-9d0e1f2a3b4c',
  code: '000.00.12.H29-K01-261123-0002',
  procedureName: '',
  applicant: '',
  sync: 'attention',
  damaged: true,
};

const rows = (language: Language) =>
  render(
    <table>
      <tbody>
        {[intact, damaged].map((row) => (
          <DayDossierRow
            key={row.id}
            row={row}
            busy={false}
            onPrint={() => undefined}
            onView={() => undefined}
          />
        ))}
      </tbody>
    </table>,
    language,
  );

const rowOf = (html: string, code: string): string => {
  const start = html.indexOf(`data-code="${code}"`);
  const end = html.indexOf('</tr>', start);
  return html.slice(start, end);
};

describe('a damaged dossier in the day list', () => {
  it('says so in words in place of its procedure and applicant, with its code, and offers no receipt', () => {
    const html = rows('vi');
    const row = rowOf(html, damaged.code);
    expect(row).toContain('data-damaged="true"');
    expect(row).toContain(damaged.code);
    expect(row).toContain('Hồ sơ bị hỏng dữ liệu — liên hệ kỹ thuật');
    expect(row).toContain('colSpan="2"');
    expect(row).not.toContain('dossier-reprint');
    expect(row).not.toContain('dossier-view');
    expect(row).not.toContain('2026-12-03');
    expect(row).toContain('Cần xử lý');
  });

  it('leaves the other rows as they were', () => {
    const row = rowOf(rows('vi'), intact.code);
    expect(row).not.toContain('data-damaged');
    expect(row).not.toContain('hỏng dữ liệu');
    expect(row).toContain('Cấp Phiếu lý lịch tư pháp số 1');
    expect(row).toContain('Lê Thị Hồng (••••••••1234)');
    expect(row).toContain('data-testid="dossier-reprint"');
    expect(row).toContain('data-testid="dossier-view"');
  });

  it('says it in English on the English screen', () => {
    const row = rowOf(rows('en'), damaged.code);
    expect(row).toContain('Damaged dossier data — call a technician');
    expect(row).not.toContain('hỏng');
  });
});
