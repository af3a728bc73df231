import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Procedure } from '../../../preload/api';
import type { PortalDossier } from '../../../main/core/sync/types';
import { createPortal, type Portal, type PortalOptions } from '../../portal';

/** Shared by the portal's and the client's tests: a running portal, a raw HTTP helper, sample data. */

export const TOKEN = 'kiosk-token-one';
export const OTHER_TOKEN = 'kiosk-token-two';
export const ADMIN = 'admin-test-token';

const running: Portal[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Not ../helpers: that imports the whole core, which these tests do not need. */
export function tempDir(prefix = 'portal-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export async function startPortal(options: Partial<PortalOptions> = {}): Promise<Portal> {
  const portal = await createPortal({
    dataDir: tempDir('portal-test-'),
    tokens: [TOKEN, OTHER_TOKEN],
    adminToken: ADMIN,
    ...options,
  });
  running.push(portal);
  return portal;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

/** One raw request, so a test controls every header and byte. */
export function send(
  baseUrl: string,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string | number>;
    body?: string | Buffer;
    token?: string | null;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string | number> = { ...options.headers };
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error('test request timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export async function upload(portal: Portal, data: Buffer): Promise<string> {
  const hash = sha256(data);
  const reply = await send(portal.url, `/api/v1/blobs/${hash}`, { method: 'PUT', body: data });
  if (reply.status !== 201 && reply.status !== 200)
    throw new Error(`upload failed: ${reply.status} ${reply.text}`);
  return hash;
}

export function dossierWith(
  attachments: { data: Buffer; componentId?: string }[],
  over: Partial<PortalDossier> = {},
): PortalDossier {
  return {
    id: randomUUID(),
    localCode: '000.00.12.H29-K01-261123-0001',
    kioskId: 'K01',
    unitCode: '000.00.12.H29',
    procedureId: 'chung-thuc-ban-sao',
    procedureCode: '2.000815',
    receivedAt: '2026-11-23T02:00:00.000Z',
    dueDate: '2026-11-23',
    data: { nguoiYeuCau: { fullName: 'Nguyễn Văn A', idNumber: '001090000123' } },
    delivery: { method: 'counter' },
    contact: { phone: '0912345678' },
    assistedBy: null,
    channel: 'kiosk',
    // Received when filed, as before the 2025 forms; the reception tests set their own.
    reception: { state: 'received', at: '2026-11-23T02:00:00.000Z', by: null, reason: null },
    attachments: attachments.map((a, i) => ({
      componentId: a.componentId ?? 'ban-sao',
      sha256: sha256(a.data),
      bytes: a.data.length,
      name: `tep-${i + 1}.pdf`,
      pages: 1,
    })),
    ...over,
  };
}

export async function postDossier(
  portal: Portal,
  dossier: unknown,
  key?: string,
  token?: string,
): Promise<Reply> {
  const body = JSON.stringify(dossier);
  return send(portal.url, '/api/v1/dossiers', {
    method: 'POST',
    body,
    token,
    headers: {
      'Content-Type': 'application/json',
      ...(key === '' ? {} : { 'Idempotency-Key': key ?? (dossier as PortalDossier).id }),
    },
  });
}

/** A small but valid procedure (the contract's ProcedureSchema), with one required paper. */
export function procedure(id = 'chung-thuc-ban-sao', name = 'Chứng thực bản sao từ bản chính'): Procedure {
  return {
    id,
    code: '2.000815',
    name,
    nameEn: 'Certified copy from an original',
    field: 'Chứng thực',
    fieldEn: 'Certification',
    level: 3,
    processingDays: 0,
    fee: { amount: 2000, text: '2.000 đồng/trang' },
    agency: 'UBND cấp xã',
    legalBasis: ['Nghị định 23/2015/NĐ-CP'],
    components: [
      {
        id: 'ban-sao',
        name: 'Bản sao cần chứng thực',
        nameEn: 'The copy to certify',
        form: 'copy',
        copies: 1,
        required: true,
        condition: null,
        conditionEn: null,
        accept: ['pdf'],
        fromForm: false,
      },
    ],
    sets: 1,
    cutoff: '15:00',
    postal: false,
    result: 'Bản sao có chứng thực',
    form: { schema: { type: 'object' }, uiSchema: {}, persons: [] },
    sources: ['https://dichvucong.gov.vn'],
  };
}

export function writeCatalogue(dir: string, procedures: Procedure[]): string {
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify({ procedures }));
  return file;
}
