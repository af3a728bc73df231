import type { z } from 'zod';
import type { Procedure } from '../../preload/api';
import { PortalDossierSchema, type PortalDossier } from '../../preload/contract/portal';

/**
 * What makes a submitted dossier acceptable to the reference portal. Every problem is listed at once (the
 * law asks for what is missing to be explained once and completely), in Vietnamese, as a portal would.
 */

/**
 * A test hook: refuse some dossiers with 422 and these reasons, as a real portal's business rules would
 * (e.g. "this procedure is not accepted online this week"). A function sees the whole dossier, so a test
 * can refuse until staff correct a field.
 */
export type RejectRule =
  | { procedureId?: string; procedureCode?: string; kioskId?: string; reasons: string[] }
  | ((dossier: PortalDossier) => string[] | null | undefined);

export interface ValidationContext {
  idempotencyKey: string;
  /** Bytes of a stored blob, or null when it was never uploaded. */
  blobBytes(sha256: string): number | null;
  /** The served catalogue; empty means "accept any procedure" (the default portal has none). */
  procedures: readonly Procedure[];
  rejectRules: readonly RejectRule[];
}

/** One reason per field the schema refused, in Vietnamese, each once. */
export function issueReasons(issues: readonly z.core.$ZodIssue[]): string[] {
  const reasons = issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(thân yêu cầu)';
    return `Trường "${field}" bị thiếu hoặc không hợp lệ.`;
  });
  return [...new Set(reasons)];
}

export type Validated = { ok: true; dossier: PortalDossier } | { ok: false; reasons: string[] };

export function validateDossier(body: unknown, ctx: ValidationContext): Validated {
  const parsed = PortalDossierSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reasons: issueReasons(parsed.error.issues) };
  const dossier = parsed.data;
  const reasons: string[] = [];

  if (dossier.id !== ctx.idempotencyKey) {
    reasons.push('Idempotency-Key phải trùng với mã định danh hồ sơ (trường "id").');
  }
  for (const a of dossier.attachments) {
    const stored = ctx.blobBytes(a.sha256);
    if (stored === null) {
      reasons.push(`Tệp đính kèm "${a.name}" (${a.sha256.slice(0, 12)}…) chưa được tải lên cổng.`);
    } else if (stored !== a.bytes) {
      reasons.push(
        `Tệp đính kèm "${a.name}" có dung lượng ${a.bytes} byte, khác với tệp đã tải lên (${stored}).`,
      );
    }
  }

  if (ctx.procedures.length > 0) {
    const procedure = ctx.procedures.find((p) => p.id === dossier.procedureId);
    if (!procedure) {
      reasons.push(`Thủ tục "${dossier.procedureId}" không có trong danh mục của cổng.`);
    } else {
      for (const c of procedure.components) {
        if (!c.required || c.fromForm) continue;
        if (!dossier.attachments.some((a) => a.componentId === c.id)) {
          reasons.push(`Thiếu thành phần hồ sơ bắt buộc: ${c.name}.`);
        }
      }
    }
  }

  for (const rule of ctx.rejectRules) {
    if (typeof rule === 'function') {
      reasons.push(...(rule(dossier) ?? []));
    } else if (
      (rule.procedureId === undefined || rule.procedureId === dossier.procedureId) &&
      (rule.procedureCode === undefined || rule.procedureCode === dossier.procedureCode) &&
      (rule.kioskId === undefined || rule.kioskId === dossier.kioskId)
    ) {
      reasons.push(...rule.reasons);
    }
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, dossier };
}
