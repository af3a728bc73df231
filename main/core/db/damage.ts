import type { OpenedDatabase } from './open';
import type { Salvage } from './salvage';

/** A critical alert for staff and its audit row, for each way the database was found damaged or gone. */
export interface DamageAlert {
  code: 'db-recovered' | 'db-lost' | 'db-wal-damaged' | 'db-wal-lost';
  vi: string;
  en: string;
  action: string;
  details: Record<string, unknown>;
}

/** How staff read a table's rows; tables without a name here are counted together as "other rows". */
const LABELS: Record<string, { vi: string; en: string }> = {
  dossiers: { vi: 'hồ sơ', en: 'dossiers' },
  attachments: { vi: 'tệp đính kèm', en: 'attachments' },
  staff_users: { vi: 'tài khoản nhân viên', en: 'staff accounts' },
  tickets: { vi: 'vé xếp hàng', en: 'queue tickets' },
  lan_devices: { vi: 'thiết bị đã ghép nối', en: 'paired devices' },
  ratings: { vi: 'lượt đánh giá', en: 'ratings' },
  audit_log: { vi: 'dòng nhật ký', en: 'audit entries' },
};

const joinList = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

/** "12 hồ sơ, 3 tài khoản nhân viên và 40 dòng dữ liệu khác" / "12 dossiers, 3 staff accounts and 40 other rows". */
export function describeSalvage(salvage: Salvage): { vi: string; en: string } {
  if (salvage.error !== undefined) {
    return {
      vi: `Không đọc được gì từ tệp cũ (${salvage.error}).`,
      en: `Nothing could be read from the old file (${salvage.error}).`,
    };
  }
  const vi: string[] = [];
  const en: string[] = [];
  for (const [table, label] of Object.entries(LABELS)) {
    const n = salvage.copied[table];
    if (n) {
      vi.push(`${n} ${label.vi}`);
      en.push(`${n} ${label.en}`);
    }
  }
  const others = Object.entries(salvage.copied)
    .filter(([table]) => !(table in LABELS))
    .reduce((sum, [, n]) => sum + n, 0);
  if (others > 0) {
    vi.push(`${others} dòng dữ liệu khác`);
    en.push(`${others} other rows`);
  }
  let textVi =
    vi.length > 0 ? `Từ tệp cũ đã cứu được ${joinList(vi, 'và')}.` : 'Không cứu được dữ liệu nào từ tệp cũ.';
  let textEn =
    en.length > 0
      ? `Salvaged from the old file: ${joinList(en, 'and')}.`
      : 'Nothing was salvaged from the old file.';
  const damaged = Object.keys(salvage.unreadable);
  if (damaged.length > 0) {
    textVi += ` Một phần không đọc được (${joinList(
      damaged.map((t) => LABELS[t]?.vi ?? t),
      'và',
    )}): có thể còn thiếu.`;
    textEn += ` Parts could not be read (${joinList(
      damaged.map((t) => LABELS[t]?.en ?? t),
      'and',
    )}): some may be missing.`;
  }
  if (!salvage.complete && damaged.length === 0) {
    textVi += ' Việc đọc đã dừng giữa chừng: có thể còn thiếu.';
    textEn += ' Reading stopped part-way: some may be missing.';
  }
  return { vi: textVi, en: textEn };
}

export function damageAlerts(opened: Pick<OpenedDatabase, 'recovered' | 'lost' | 'walLoss'>): DamageAlert[] {
  const out: DamageAlert[] = [];
  const { recovered, lost, walLoss } = opened;
  if (recovered) {
    const salvaged = describeSalvage(recovered.salvage);
    out.push({
      code: 'db-recovered',
      vi: `Cơ sở dữ liệu bị hỏng nên ki-ốt đã chuyển tệp cũ sang ${recovered.movedTo} và bắt đầu với tệp mới. ${salvaged.vi} Phiên đăng nhập cũ đã hết: mọi người đăng nhập lại. Không xoá tệp cũ: hãy báo kỹ thuật để khôi phục phần còn lại.`,
      en: `The database was damaged: the kiosk moved it to ${recovered.movedTo} and started a new one. ${salvaged.en} Earlier sign-ins have ended: everyone signs in again. Do not delete the old file: call a technician to recover the rest.`,
      action: 'db.recovered',
      details: {
        movedTo: recovered.movedTo,
        reason: recovered.reason,
        salvaged: recovered.salvage.copied,
        unreadable: recovered.salvage.unreadable,
        dropped: recovered.salvage.dropped,
        complete: recovered.salvage.complete,
        ...(recovered.salvage.error !== undefined ? { error: recovered.salvage.error } : {}),
      },
    });
  }
  if (lost) {
    const what = {
      missing: { vi: 'Tệp cơ sở dữ liệu kiosk.db đã bị xoá', en: 'The database file kiosk.db was deleted' },
      empty: {
        vi: 'Tệp cơ sở dữ liệu kiosk.db bị rỗng (0 byte)',
        en: 'The database file kiosk.db was empty (0 bytes)',
      },
      'no-tables': {
        vi: 'Tệp cơ sở dữ liệu kiosk.db không còn dữ liệu nào (nhật ký ghi kiosk.db-wal chứa chúng đã mất)',
        en: 'The database file kiosk.db held no data (the write-ahead log kiosk.db-wal that held it is gone)',
      },
    }[lost.reason];
    const wal = lost.walMovedTo
      ? {
          vi: ` Tệp nhật ký còn sót lại được giữ ở ${lost.walMovedTo}.`,
          en: ` The log file left behind was kept at ${lost.walMovedTo}.`,
        }
      : { vi: '', en: '' };
    out.push({
      code: 'db-lost',
      vi: `${what.vi} dù ki-ốt đã được dùng (còn ${lost.evidence.join(', ')}). Ki-ốt bắt đầu với dữ liệu trống: tài khoản nhân viên, thiết bị đã ghép nối, hàng đợi và lịch sử trên máy này không còn; số vé hôm nay tiếp tục sau số lớn nhất đã phát.${wal.vi} Hãy báo kỹ thuật ngay.`,
      en: `${what.en} although the kiosk had been used (${lost.evidence.join(', ')} remain). The kiosk started empty: staff accounts, paired devices, the queue and the history on this machine are gone; today's ticket numbers continue after the highest one issued.${wal.en} Call a technician now.`,
      action: 'db.lost',
      details: { ...lost },
    });
  }
  if (walLoss?.reason === 'damaged') {
    out.push({
      code: 'db-wal-damaged',
      vi: `Nhật ký ghi (kiosk.db-wal) của cơ sở dữ liệu bị hỏng, có lẽ do mất điện: ${walLoss.frames} trang thay đổi cuối cùng không đọc được nên những việc làm ngay trước lúc đó (hồ sơ, vé, tài khoản) có thể đã mất. Bản sao nhật ký được giữ ở ${walLoss.copiedTo} cho kỹ thuật; số vé hôm nay không bị lặp lại.`,
      en: `The database's write-ahead log (kiosk.db-wal) was damaged, probably by a power cut: its last ${walLoss.frames} pages of changes could not be read, so what was done just before (dossiers, tickets, accounts) may be lost. A copy of the log is kept at ${walLoss.copiedTo} for a technician; today's ticket numbers will not repeat.`,
      action: 'db.walDamaged',
      details: { ...walLoss },
    });
  }
  if (walLoss?.reason === 'missing') {
    out.push({
      code: 'db-wal-lost',
      vi: `Nhật ký ghi (kiosk.db-wal) của cơ sở dữ liệu đã bị xoá sau khi ki-ốt dừng đột ngột: ${walLoss.frames} trang thay đổi chưa kịp chép vào cơ sở dữ liệu đã mất, nên những việc làm gần nhất (hồ sơ, vé, tài khoản) có thể không còn. Số vé hôm nay không bị lặp lại. Hãy báo kỹ thuật.`,
      en: `The database's write-ahead log (kiosk.db-wal) was deleted after the kiosk stopped abruptly: ${walLoss.frames} pages of changes not yet copied into the database are lost, so the latest work (dossiers, tickets, accounts) may be missing. Today's ticket numbers will not repeat. Call a technician.`,
      action: 'db.walLost',
      details: { ...walLoss },
    });
  }
  return out;
}
