import { escapeHtml as h } from './http-util';
import { TRANSITIONS, type DossierRow, type PortalState } from './store';

/**
 * The tester's page: the dossiers waiting for an officer to receive them (filed by the citizen alone at a
 * kiosk) with "Tiếp nhận" and "Từ chối" (a reason required), then every dossier with a button per status
 * it may move to. Plain HTML forms, no script and no external asset (the CSP header forbids both), every
 * value escaped.
 */
export const STATUS_LABELS: Record<PortalState, string> = {
  submitted: 'Chờ tiếp nhận (công dân tự nộp)',
  received: 'Đã nhận, chờ tiếp nhận',
  refused: 'Từ chối tiếp nhận',
  accepted: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  supplement: 'Yêu cầu bổ sung',
  done: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối',
};

export const ADMIN_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

const STYLE = `
body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
form{display:flex;flex-wrap:wrap;gap:.3rem;margin:0}input[type=text]{min-width:14rem}
button{padding:.25rem .6rem}.note{color:#555;font-size:.9em}.honest{background:#fff4cc;padding:.5rem}
`;

const actionOf = (d: DossierRow) => `/admin/dossiers/${encodeURIComponent(d.code)}`;

/** A pending dossier: receive it (accepted) or refuse to receive it (rejected, the reason required). */
function pendingRow(d: DossierRow, csrf: string): string {
  return `<tr>
<td><strong>${h(d.code)}</strong><br><span class="note">${h(d.local_code)} · ki-ốt ${h(d.kiosk_id)}</span></td>
<td>${h(d.procedure_code)}<br><span class="note">${h(d.procedure_id)}</span></td>
<td>${h(d.received_at)}${d.status === 'supplement' ? '<br><span class="note">Đã yêu cầu bổ sung</span>' : ''}</td>
<td><form method="post" action="${h(actionOf(d))}/status">
  <input type="hidden" name="csrf" value="${h(csrf)}">
  <button name="status" value="accepted">Tiếp nhận</button>
  <input type="text" name="note" placeholder="Lý do (bắt buộc khi yêu cầu bổ sung / từ chối)" aria-label="Lý do cho ${h(d.code)}">
  ${d.status === 'supplement' ? '' : '<button name="status" value="supplement">Yêu cầu bổ sung</button>'}
  <button name="status" value="rejected">Từ chối</button>
</form></td>
</tr>`;
}

function row(d: DossierRow, csrf: string, lastNote: string | null): string {
  const action = actionOf(d);
  const moves = TRANSITIONS[d.reception === 'pending' ? 'submitted' : d.status];
  // A refusal to receive shows its reason, whoever refused (an officer at the kiosk, or this portal).
  const note = d.reception === 'refused' ? d.refusal_reason : lastNote;
  const statusForm =
    d.reception === 'pending'
      ? '<span class="note">Xem mục “Chờ tiếp nhận” ở trên</span>'
      : moves.length === 0
        ? '<span class="note">Đã kết thúc</span>'
        : `<form method="post" action="${h(action)}/status">
  <input type="hidden" name="csrf" value="${h(csrf)}">
  <input type="text" name="note" placeholder="Lý do (bắt buộc khi bổ sung / từ chối)" aria-label="Lý do cho ${h(d.code)}">
  ${moves.map((s) => `<button name="status" value="${h(s)}">${h(STATUS_LABELS[s])}</button>`).join('\n  ')}
</form>`;
  const paidForm =
    d.status === 'received' || d.reception !== 'received'
      ? ''
      : `<form method="post" action="${h(action)}/paid">
  <input type="hidden" name="csrf" value="${h(csrf)}">
  <input type="hidden" name="paid" value="${d.paid === 1 ? 'false' : 'true'}">
  <button>${d.paid === 1 ? 'Huỷ ghi nhận lệ phí' : 'Ghi nhận đã nộp lệ phí'}</button>
</form>`;
  return `<tr>
<td><strong>${h(d.code)}</strong><br><span class="note">${h(d.local_code)} · ki-ốt ${h(d.kiosk_id)}</span></td>
<td>${h(d.procedure_code)}<br><span class="note">${h(d.procedure_id)}</span></td>
<td>${h(d.received_at)}</td>
<td>${h(d.reception === 'refused' ? STATUS_LABELS.refused : STATUS_LABELS[d.status])}${note ? `<br><span class="note">${h(note)}</span>` : ''}</td>
<td>${d.paid === null ? '—' : d.paid === 1 ? 'Đã nộp' : 'Chưa nộp'}</td>
<td>${statusForm}${paidForm}</td>
</tr>`;
}

export function adminPage(
  dossiers: readonly DossierRow[],
  csrf: string,
  noteOf: (code: string) => string | null,
): string {
  const rows = dossiers.map((d) => row(d, csrf, noteOf(d.code))).join('\n');
  const pending = dossiers.filter((d) => d.reception === 'pending');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng tham chiếu — quản trị</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>Cổng dịch vụ công tham chiếu — quản trị hồ sơ</h1>
<p class="honest">Đây là cổng giả lập dùng để phát triển và kiểm thử ki-ốt, không phải cổng thật.
(A development and test fixture, not a real portal.)</p>
<p>${dossiers.length} hồ sơ. <a href="/admin">Tải lại</a></p>
<h2>Chờ tiếp nhận (${pending.length})</h2>
<table>
<thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Nộp lúc</th><th>Tiếp nhận hoặc từ chối</th></tr></thead>
<tbody>
${pending.map((d) => pendingRow(d, csrf)).join('\n') || '<tr><td colspan="4">Không có hồ sơ nào chờ tiếp nhận.</td></tr>'}
</tbody></table>
<h2>Tất cả hồ sơ</h2>
<table>
<thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Nhận lúc</th><th>Trạng thái</th><th>Lệ phí</th><th>Thao tác</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">Chưa có hồ sơ nào.</td></tr>'}
</tbody></table>
</body></html>`;
}

export function adminErrorPage(message: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi</title><style>${STYLE}</style></head>
<body><h1>Không thực hiện được</h1><p>${h(message)}</p><p><a href="/admin">Quay lại</a></p></body></html>`;
}
