import { NATIONAL_STATUS_CODES } from '../../preload/contract/portal';
import { escapeHtml as h } from './http-util';
import { movesOf, type DossierRow, type PortalState } from './store';

/**
 * The tester's page: the dossiers waiting for an officer to receive them (filed by the citizen alone at a
 * kiosk) with "Tiếp nhận", "Yêu cầu bổ sung" and "Từ chối tiếp nhận" (a reason required), then every
 * dossier with a button per national status it may move to (a reason required for 3, 5, 7 and 8; "kết
 * quả điện tử" beside 9), the fee (at the counter or "Đã thanh toán trực tuyến") and, on a late dossier,
 * Mẫu 04 ("Xin lỗi, gia hạn"). Plain HTML forms, no script and no external asset (the CSP header forbids
 * both), every value escaped.
 */
export const STATUS_LABELS: Record<PortalState, string> = {
  submitted: 'Mới đăng ký (chờ tiếp nhận)',
  received: 'Được tiếp nhận',
  refused: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  supplement: 'Yêu cầu bổ sung',
  financial: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  withdrawn: 'Công dân yêu cầu rút hồ sơ',
  stopped: 'Dừng xử lý',
  done: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
};

/** "4 · Đang xử lý": the national code before the words, as one-stop systems show it. */
export const statusLabel = (s: PortalState): string => `${NATIONAL_STATUS_CODES[s]} · ${STATUS_LABELS[s]}`;

/** The button of a move: what the officer does, in the office's words. */
const MOVE_LABELS: Record<PortalState, string> = {
  ...STATUS_LABELS,
  processing: 'Đang xử lý',
  received: 'Tiếp nhận',
  refused: 'Từ chối tiếp nhận',
};

export const ADMIN_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

const STYLE = `
body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
form{display:flex;flex-wrap:wrap;gap:.3rem;margin:0 0 .3rem}input[type=text]{min-width:14rem}
button{padding:.25rem .6rem}.note{color:#555;font-size:.9em}.honest{background:#fff4cc;padding:.5rem}
.late{color:#a00}
`;

const actionOf = (d: DossierRow) => `/admin/dossiers/${encodeURIComponent(d.code)}`;
const csrfField = (csrf: string) => `<input type="hidden" name="csrf" value="${h(csrf)}">`;
const button = (s: PortalState) => `<button name="status" value="${h(s)}">${h(MOVE_LABELS[s])}</button>`;

/** A pending dossier: receive it (2), ask for papers first (5) or refuse to receive it (3, a reason). */
function pendingRow(d: DossierRow, csrf: string): string {
  return `<tr>
<td><strong>${h(d.code)}</strong><br><span class="note">${h(d.local_code)} · ki-ốt ${h(d.kiosk_id)}</span></td>
<td>${h(d.procedure_code)}<br><span class="note">${h(d.procedure_id)}</span></td>
<td>${h(d.received_at)}${d.status === 'supplement' ? '<br><span class="note">Đã yêu cầu bổ sung</span>' : ''}</td>
<td><form method="post" action="${h(actionOf(d))}/status">
  ${csrfField(csrf)}
  <input type="text" name="note" placeholder="Lý do (bắt buộc khi yêu cầu bổ sung / từ chối)" aria-label="Lý do cho ${h(d.code)}">
  ${movesOf(d).map(button).join('\n  ')}
</form></td>
</tr>`;
}

function statusForm(d: DossierRow, csrf: string): string {
  if (d.reception === 'pending') return '<span class="note">Xem mục “Chờ tiếp nhận” ở trên</span>';
  const moves = movesOf(d);
  if (moves.length === 0) return '<span class="note">Đã kết thúc</span>';
  const electronic = moves.includes('done')
    ? `<label><input type="checkbox" name="resultElectronic" value="true"> kết quả điện tử</label>`
    : '';
  return `<form method="post" action="${h(actionOf(d))}/status">
  ${csrfField(csrf)}
  <input type="text" name="note" placeholder="Lý do (bắt buộc khi từ chối, bổ sung, rút, dừng)" aria-label="Lý do cho ${h(d.code)}">
  ${moves.map(button).join('\n  ')}
  ${electronic}
</form>`;
}

/** The fee: recorded paid at the counter, paid online, or the record undone. */
function paidForm(d: DossierRow, csrf: string): string {
  if (d.reception !== 'received') return '';
  const form = (fields: string, label: string) => `<form method="post" action="${h(actionOf(d))}/paid">
  ${csrfField(csrf)}
  ${fields}
  <button>${label}</button>
</form>`;
  if (d.paid === 1) return form('<input type="hidden" name="paid" value="false">', 'Huỷ ghi nhận lệ phí');
  return (
    form(
      '<input type="hidden" name="paid" value="true"><input type="hidden" name="paidVia" value="counter">',
      'Ghi nhận đã nộp lệ phí tại quầy',
    ) +
    form(
      '<input type="hidden" name="paid" value="true"><input type="hidden" name="paidVia" value="online">',
      'Đã thanh toán trực tuyến',
    )
  );
}

/** Mẫu 04 on a late dossier: the apology's words and the new appointment date. */
function apologyForm(d: DossierRow, csrf: string, late: boolean): string {
  if (!late) return '';
  return `<form method="post" action="${h(actionOf(d))}/apology">
  ${csrfField(csrf)}
  <input type="text" name="text" placeholder="Nội dung xin lỗi" aria-label="Văn bản xin lỗi cho ${h(d.code)}">
  <input type="date" name="newDueDate" aria-label="Ngày hẹn trả mới cho ${h(d.code)}">
  <button>Xin lỗi, gia hạn (Mẫu 04)</button>
</form>`;
}

function row(d: DossierRow, csrf: string, lastNote: string | null, late: boolean): string {
  // A refusal to receive shows its reason, whoever refused (an officer at the kiosk, or this portal).
  const note = d.reception === 'refused' ? d.refusal_reason : lastNote;
  const paid =
    d.paid === null
      ? '—'
      : d.paid === 1
        ? d.paid_via === 'online'
          ? 'Đã thanh toán trực tuyến'
          : 'Đã nộp'
        : 'Chưa nộp';
  const apology = d.apology_text
    ? `<br><span class="note">Mẫu 04: ${h(d.apology_text)} (hẹn lại ${h(d.apology_due_date ?? '')})</span>`
    : '';
  return `<tr>
<td><strong>${h(d.code)}</strong><br><span class="note">${h(d.local_code)} · ki-ốt ${h(d.kiosk_id)}</span></td>
<td>${h(d.procedure_code)}<br><span class="note">${h(d.procedure_id)}</span></td>
<td>${h(d.received_at)}</td>
<td${late ? ' class="late"' : ''}>${h(d.due_date)}${late ? ' (quá hạn)' : ''}</td>
<td>${h(statusLabel(d.status))}${d.result_electronic === 1 ? '<br><span class="note">Kết quả điện tử</span>' : ''}${note ? `<br><span class="note">${h(note)}</span>` : ''}${apology}</td>
<td>${h(paid)}</td>
<td>${statusForm(d, csrf)}${paidForm(d, csrf)}${apologyForm(d, csrf, late)}</td>
</tr>`;
}

export function adminPage(
  dossiers: readonly DossierRow[],
  csrf: string,
  noteOf: (code: string) => string | null,
  late: (d: DossierRow) => boolean,
): string {
  const rows = dossiers.map((d) => row(d, csrf, noteOf(d.code), late(d))).join('\n');
  const pending = dossiers.filter((d) => d.reception === 'pending');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng tham chiếu — quản trị</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>Cổng dịch vụ công tham chiếu — quản trị hồ sơ</h1>
<p class="honest">Đây là cổng giả lập dùng để phát triển và kiểm thử ki-ốt, không phải cổng thật.
(A development and test fixture, not a real portal.) Ngày làm việc ở đây chỉ tính thứ Hai đến thứ Sáu,
không tính ngày lễ.</p>
<p>${dossiers.length} hồ sơ. <a href="/admin">Tải lại</a></p>
<h2>Chờ tiếp nhận (${pending.length})</h2>
<table>
<thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Nộp lúc</th><th>Tiếp nhận hoặc từ chối</th></tr></thead>
<tbody>
${pending.map((d) => pendingRow(d, csrf)).join('\n') || '<tr><td colspan="4">Không có hồ sơ nào chờ tiếp nhận.</td></tr>'}
</tbody></table>
<h2>Tất cả hồ sơ</h2>
<table>
<thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Nhận lúc</th><th>Hẹn trả</th><th>Trạng thái</th><th>Lệ phí</th><th>Thao tác</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7">Chưa có hồ sơ nào.</td></tr>'}
</tbody></table>
</body></html>`;
}

export function adminErrorPage(message: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi</title><style>${STYLE}</style></head>
<body><h1>Không thực hiện được</h1><p>${h(message)}</p><p><a href="/admin">Quay lại</a></p></body></html>`;
}
