/**
 * Vietnamese messages for keeping a citizen's draft past the moment (issue 22), under the `keep` key of
 * vi.ts: "Lưu lại, làm tiếp sau" and its slip, taking a saved draft back by code and birth date, and a
 * queue ticket linked to a draft or to a receipt. `keep.en.ts` has the same keys.
 */
export const keepVi = {
  saveButton: 'Lưu lại, làm tiếp sau',
  askStaffButton: 'Nhờ cán bộ giúp',
  confirm: {
    title: 'Lưu lại để làm tiếp sau?',
    slip: 'Ki-ốt sẽ in một phiếu có mã lưu hồ sơ.',
    bring: 'Khi quay lại, Quý vị mang theo mã này và nhập ngày sinh của mình để làm tiếp.',
    kept: 'Hồ sơ được giữ đến ngày ghi trên phiếu; sau ngày đó hồ sơ bị xoá.',
    ok: 'Lưu lại và in phiếu',
    cancel: 'Tiếp tục làm hồ sơ',
  },
  birth: {
    title: 'Ngày sinh của Quý vị',
    body: 'Khi làm tiếp, Quý vị sẽ được hỏi mã lưu hồ sơ và ngày sinh này.',
    label: 'Ngày sinh (ngày/tháng/năm)',
    hint: 'Ví dụ 05/09/1990',
    invalid: 'Xin nhập ngày sinh đủ ngày, tháng, năm, ví dụ 05/09/1990.',
    ok: 'Lưu lại',
  },
  saving: 'Đang lưu hồ sơ…',
  failed: 'Chưa lưu được hồ sơ.',
  saved: {
    heading: 'Hồ sơ đã được lưu',
    codeLabel: 'Mã lưu hồ sơ',
    keptUntil: 'Giữ đến hết ngày {{date}}',
    printed: 'Phiếu có mã đang được in. Vui lòng lấy phiếu.',
    notPrinted: 'Ki-ốt không in được phiếu. Vui lòng ghi lại mã này.',
    howTo: 'Để làm tiếp: chọn "Nộp hồ sơ", rồi "Làm tiếp hồ sơ đã lưu", nhập mã này và ngày sinh của Quý vị.',
    done: 'Xong',
  },
  resume: {
    entry: 'Làm tiếp hồ sơ đã lưu',
    entryHint: 'Quý vị có phiếu với mã lưu hồ sơ',
    title: 'Làm tiếp hồ sơ đã lưu',
    lead: 'Nhập mã in trên phiếu lưu hồ sơ và ngày sinh của Quý vị.',
    codeLabel: 'Mã lưu hồ sơ',
    codeHint: 'Ví dụ H7K2QD',
    submit: 'Mở hồ sơ',
    opening: 'Đang mở hồ sơ…',
    back: 'Quay lại',
    wrong: 'Mã hoặc ngày sinh không đúng. Vui lòng kiểm tra lại.',
    locked: 'Đã nhập sai quá nhiều lần. Vui lòng nhờ cán bộ tại quầy.',
    codeInvalid: 'Mã gồm 6 chữ và số in trên phiếu, ví dụ H7K2QD.',
  },
  queue: {
    draftLink: 'Vé này gắn với hồ sơ Quý vị đang làm: cán bộ sẽ mở hồ sơ khi gọi số.',
    receiptLink: 'Vé này gắn với hồ sơ {{code}}',
    unlink: 'Không gắn hồ sơ',
    backToDossier: 'Quay lại hồ sơ',
    scanHint: 'Đã nộp hồ sơ? Quét mã QR trên giấy biên nhận để vé gắn với hồ sơ của Quý vị.',
    receiptWithoutSecret:
      'Giấy biên nhận này chưa có mã tra cứu nên không gắn được với vé. Quý vị vẫn lấy số như thường.',
  },
  ticket: {
    dossier: 'Cán bộ sẽ mở hồ sơ của Quý vị khi gọi số {{number}}',
    receipt: 'Vé này gắn với hồ sơ {{code}}',
  },
  receipt: {
    ticket: 'Lấy số gặp cán bộ',
  },
};
