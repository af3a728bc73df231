import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  FormApplicant,
  FormUnit,
  RefusalData,
  SupplementData,
  TrackedDossier,
  TrackingData,
} from '../../../main/core/print';
import { which } from '../print/helpers';

/** A commune centre as issue 20 describes them; nothing here is a real person. */
export const unit: FormUnit = {
  centreName: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
  agency: 'Ủy ban nhân dân phường Ba Đình',
  receivingUnit: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
  address: 'Số 10 Đội Cấn, phường Ba Đình, thành phố Hà Nội',
  phone: '024 3734 5678',
  timeZone: 'Asia/Ho_Chi_Minh',
};

export const applicant: FormApplicant = {
  fullName: 'Nguyễn Thị Hương Giang',
  idNumber: '001190012345',
  address: 'Số 5 ngõ 12 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
  phone: '0912345678',
  email: 'huonggiang@example.vn',
};

const procedure = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định số 123/2015/NĐ-CP'],
};

export function supplement(overrides: Partial<SupplementData> = {}): SupplementData {
  return {
    unit,
    code: '000.00.12.H29-261123-0042',
    applicant,
    procedure,
    items: [
      { paper: 'Tờ khai đăng ký khai sinh', request: 'Thiếu chữ ký của người đi đăng ký' },
      { paper: 'Giấy chứng sinh', request: 'Bản chụp mờ, cần bản chính' },
      { paper: 'Giấy tờ chứng minh nơi cư trú', request: 'Chưa nộp' },
    ],
    portalNote: 'Bổ sung trong 05 ngày làm việc',
    officer: 'Trần Văn Bình',
    at: '2026-11-23T03:00:00.000Z',
    ...overrides,
  };
}

export function refusal(overrides: Partial<RefusalData> = {}): RefusalData {
  return {
    unit,
    code: '000.00.12.H29-261123-0043',
    applicant,
    procedure,
    reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Ba Đình.',
    officer: 'Trần Văn Bình',
    at: '2026-11-23T03:00:00.000Z',
    ...overrides,
  };
}

/** A counter dossier received at 09:15, sent, done a day early and returned. */
export function dossier(i: number, overrides: Partial<TrackedDossier> = {}): TrackedDossier {
  const seq = String(i).padStart(4, '0');
  return {
    code: `000.00.12.H29-261123-${seq}`,
    portalCode: i % 2 === 0 ? `H29.12-261123-00${seq}` : null,
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    applicant: { fullName: `Người nộp số ${i}`, address: 'Phường Ba Đình, Hà Nội', phone: '0912345678' },
    sets: 1,
    channel: 'counter',
    reception: 'received',
    submittedAt: '2026-11-23T02:15:00.000Z',
    receivedAt: '2026-11-23T02:15:00.000Z',
    receivedBy: 'Trần Văn Bình',
    dueDate: '2026-11-26',
    dueEstimated: false,
    refusalReason: null,
    events: [
      { status: 'received', at: '2026-11-23T02:15:00.000Z', note: null, source: 'kiosk' },
      { status: 'sent', at: '2026-11-23T02:20:00.000Z', note: null, source: 'kiosk' },
      { status: 'received', at: '2026-11-23T04:00:00.000Z', note: null, source: 'portal' },
      { status: 'done', at: '2026-11-25T08:00:00.000Z', note: 'Đã ký giấy khai sinh', source: 'portal' },
      { status: 'returned', at: '2026-11-26T02:00:00.000Z', note: null, source: 'portal' },
    ],
    ...overrides,
  };
}

export function tracking(dossiers: TrackedDossier[]): TrackingData {
  return { unit, from: '2026-11-23', to: '2026-11-23', printedAt: '2026-11-23T10:00:00.000Z', dossiers };
}

const pdftotext = which('pdftotext') ?? '/usr/bin/pdftotext';
const work = mkdtempSync(join(tmpdir(), 'forms-'));

/** What pdftotext reads of pages `first`–`last` (all by default), whitespace collapsed. */
export function readBack(bytes: Uint8Array, name: string, first?: number, last = first): string {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last)];
  return execFileSync(pdftotext, ['-enc', 'UTF-8', ...range, path, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}
