import type { Delivery, Fee, ProcedureComponent } from '../../../preload/api';

/**
 * Everything a dossier receipt ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", Mẫu 01 of Thông tư
 * 03/2025/TT-VPCP; DOMAIN.md "Receipts and codes") or the self-service submission slip shows.
 * main/core/dossier builds it from the stored dossier; main/core/print turns it into an A4 PDF or an
 * 80 mm thermal receipt.
 */
export interface ReceiptData {
  /**
   * 'received': an officer (or the portal) received the dossier, Mẫu 01 with the due date counted from
   * then. 'submitted': filed by the citizen alone at the kiosk and waiting to be received; the kiosk
   * prints the submission slip, its date "dự kiến", and Mẫu 01 follows when it is received.
   */
  stage: 'submitted' | 'received';
  /** The kiosk's code, printed "mã hồ sơ tạm" while `provisional`. */
  code: string;
  provisional: boolean;
  /**
   * The "Mã tra cứu" that opens the dossier's details on a lookup, printed beside the code and carried in
   * the QR (`<code>#<secret>`); null for a dossier filed before lookups asked for it.
   */
  lookupSecret: string | null;
  /** The portal's official code, once known (reprints). */
  portalCode: string | null;
  centre: {
    name: string;
    address: string | null;
    unitCode: string;
    /** The cơ quan printed above the receiving unit; null: none configured. */
    agency: string | null;
    /** Trung tâm Phục vụ hành chính công …, or Bộ phận Một cửa, as the centre configures it. */
    receivingUnit: string;
  };
  kioskId: string;
  applicant: {
    fullName: string;
    /** The citizen's own receipt shows the full ID; null when the form has none. */
    idNumber: string | null;
    /** The new address's text (or the string a dossier filed before the 2025 reform holds). */
    address: string | null;
    /** The card's old address, printed beside the new one where they differ; null otherwise. */
    addressOnCard: string | null;
    phone: string | null;
    email: string | null;
  };
  procedure: { code: string; name: string; processingDays: number };
  /** The papers handed in, in the catalogue's order, with the files and pages attached for each. */
  documents: {
    name: string;
    form: ProcedureComponent['form'];
    copies: number;
    files: number;
    pages: number;
  }[];
  /** Number of sets (số bộ hồ sơ). */
  sets: number;
  /** ISO 8601 instant: when it was received, or for the slip when it was submitted. */
  receivedAt: string;
  /** YYYY-MM-DD; `dueEstimated` when a day off counted is only expected (print "dự kiến"). */
  dueDate: string;
  dueEstimated: boolean;
  timeZone: string;
  delivery: Delivery;
  /** The staff member who received it (assisted filing); null: the self-service kiosk. */
  receivedBy: string | null;
  /**
   * Who received it when `receivedBy` is null: 'portal', an officer on the portal (Mẫu 01 then says so);
   * 'kiosk', a self-service dossier of before the 2025 forms, received by the kiosk. Absent: the kiosk.
   */
  receivedVia?: 'counter' | 'portal' | 'kiosk';
  fee: Fee;
  /** VietQR for a level-4 fee; null when none is due or no account is configured. */
  payment: { payload: string; paid: boolean } | null;
}
