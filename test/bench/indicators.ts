import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { createIndicators } from '../../main/core/report';
import { median, ms } from './stats';

const DOSSIERS = 10_000;
const PROCEDURES = 40;
const RUNS = 5;

/**
 * report.indicators over a month of 10,000 dossiers (main/core/report): the read of the rows (dossiers with
 * their stored procedure, timelines, attachment rows, ratings) and the rules, as a staff member opening
 * the 'Chỉ số 766' tab waits for them. Rows written straight into a migrated database.
 */
export function benchIndicators(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-indicators-'));
  const { db } = openDatabase(dir, new Date('2027-01-01T00:00:00Z'));
  try {
    const now = '2026-12-31T10:00:00.000Z';
    db.prepare(
      `INSERT INTO staff_users (id, user, display_name, role, pin_hash, created_at) VALUES (1, 'lan', 'Lan', 'staff', 'x', ?)`,
    ).run(now);
    db.prepare(`INSERT INTO blobs (sha256, bytes, created_at) VALUES (?, 1, ?)`).run('a'.repeat(64), now);
    // A procedure as dossiers store it: papers, and an e-form of a realistic size (a few KB).
    const procedures = Array.from({ length: PROCEDURES }, (_, p) =>
      JSON.stringify({
        id: `thu-tuc-${p}`,
        name: `Thủ tục số ${p}`,
        field: `Lĩnh vực ${p % 8}`,
        components: ['to-khai', 'giay-a', 'giay-b', 'giay-c'].map((id, i) => ({
          id,
          name: `Giấy ${id}`,
          required: i < 3,
          fromForm: i === 0,
          accept: ['pdf', 'jpeg'],
        })),
        form: {
          schema: {
            properties: Object.fromEntries(
              Array.from({ length: 60 }, (_, f) => [`f${f}`, { type: 'string', title: `Trường số ${f}` }]),
            ),
          },
        },
      }),
    );
    const dossier = db.prepare(
      `INSERT INTO dossiers (id, procedure_id, procedure_json, status, code, day, seq, received_at, due_date,
         fee_amount, paid, assisted_by, reception, reception_at, created_at, updated_at)
       VALUES (@id, @procedureId, @procedureJson, 'submitted', @code, @day, @seq, @at, @due, @fee, @paid,
         @assistedBy, @reception, @at, @at, @at)`,
    );
    const event = db.prepare(
      `INSERT INTO dossier_events (dossier_id, status, at, source) VALUES (?, ?, ?, 'portal')`,
    );
    const attachment = db.prepare(
      `INSERT INTO attachments (id, dossier_id, component_id, position, name, kind, pages, sha256, created_at)
       VALUES (?, ?, ?, 0, 'a.pdf', 'pdf', 1, ?, ?)`,
    );
    const rating = db.prepare(
      `INSERT INTO ratings (at, day, context, dossier_code, rating) VALUES (?, ?, 'lookup', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < DOSSIERS; i++) {
        // Filed day after day, as a centre files them (a day's dossiers side by side in the table).
        const date = 1 + Math.floor((i * 30) / DOSSIERS);
        const day = `2026-12-${String(date).padStart(2, '0')}`;
        const at = `${day}T02:00:00.000Z`;
        const id = `d-${i}`;
        const code = `B-${i}`;
        const p = i % PROCEDURES;
        dossier.run({
          id,
          procedureId: `thu-tuc-${p}`,
          procedureJson: procedures[p],
          code,
          day,
          seq: i + 1,
          at,
          due: `2026-12-${String(Math.min(31, date + 3)).padStart(2, '0')}`,
          fee: i % 3 === 0 ? 20_000 : 0,
          paid: i % 3 === 0 ? 1 : null,
          assistedBy: i % 2 === 0 ? 1 : null,
          reception: i % 50 === 0 ? 'refused' : 'received',
        });
        for (const component of ['giay-a', 'giay-b', 'giay-c']) {
          if (component === 'giay-b' && i % 10 === 0) continue;
          attachment.run(`${id}-${component}`, id, component, 'a'.repeat(64), at);
        }
        event.run(id, 'received', at);
        event.run(id, 'sent', `${day}T02:01:00.000Z`);
        event.run(id, 'processing', `${day}T03:00:00+07:00`);
        if (i % 10 === 1) {
          event.run(id, 'supplement', `${day}T04:00:00.000Z`);
          event.run(id, 'processing', `${day}T09:00:00`);
        }
        if (i % 10 < 7)
          event.run(
            id,
            'done',
            `2026-12-${String(Math.min(31, date + 1 + (i % 5))).padStart(2, '0')}T08:00:00Z`,
          );
        if (i % 2 === 0) rating.run(at, day, code, i % 7 === 0 ? 'unsatisfied' : 'satisfied');
      }
    })();

    const service = createIndicators({ db, timeZone: 'Asia/Ho_Chi_Minh' });
    // Wall time, and the CPU time the process spent (less skewed on a machine busy with other work).
    const time = (from: string, to: string) => {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        service.indicators({ from, to });
        wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      return { wall: ms(median(wall)), cpu: ms(median(cpu)) };
    };
    const result = service.indicators({ from: '2026-12-01', to: '2026-12-31' });
    return Promise.resolve({
      'indicators.dossiers': result.all.received.total,
      'indicators.finished': result.all.onTime.of,
      ...Object.fromEntries(
        Object.entries({
          month: time('2026-12-01', '2026-12-31'),
          year: time('2026-01-01', '2026-12-31'),
        }).flatMap(([range, t]) => [
          [`indicators.${range}.p50.ms`, t.wall],
          [`indicators.${range}.cpu.p50.ms`, t.cpu],
        ]),
      ),
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
