import { randomBytes, createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UPLOADS_PER_DOSSIER } from '../../../main/core/sync/deliver';
import type { PortalDossier } from '../../../main/core/sync/types';
import { blobPathIn, failures, harness, outboxRow, staff } from './support';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const count = (h: ReturnType<typeof harness>, sql: string, ...args: unknown[]) =>
  h.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('sync drain', () => {
  it('delivers every waiting dossier once, uploads only what the portal lacks, and stores its code', async () => {
    const h = harness();
    // A file two dossiers hold (the citizen's ID card in both), which the portal already has.
    const known = randomBytes(3000);
    h.portal.blobs.set(sha(known), known.length);
    const a = h.seed({ attachments: [known, 1500] });
    const b = h.seed({ attachments: [700, 900], assistedBy: 1 });
    const c = h.seed({ attachments: [known] });

    h.sync.start();
    await h.advance(0);

    for (const d of [a, b]) {
      const row = outboxRow(h.db, d.id);
      expect(row.state).toBe('done');
      expect(row.doneAt).toBe(h.clock.now().toISOString());
      const local = h.db
        .prepare('SELECT portal_code AS portalCode, current_status AS status FROM dossiers WHERE id = ?')
        .get(d.id) as { portalCode: string; status: string };
      expect(local.portalCode).toBe(h.portal.dossiers.get(d.id)!.portalCode);
      // 'sent' is a timeline step, never the current (national) status.
      expect(local.status).toBe('received');
      expect(
        count(h, `SELECT COUNT(*) FROM dossier_events WHERE dossier_id = ? AND status = 'sent'`, d.id),
      ).toBe(1);
      for (const f of d.files) expect(h.portal.blobs.get(f.sha256)).toBe(f.bytes);
      expect(h.portal.count('submitDossier', d.id)).toBe(1);
    }
    // The shared file was checked (once per dossier that holds it), never uploaded.
    expect(outboxRow(h.db, c.id).state).toBe('done');
    expect(h.portal.count('putBlob', sha(known))).toBe(0);
    expect(h.portal.count('hasBlob', sha(known))).toBe(2);
    // A file only one dossier holds cannot be on the portal before its first attempt: uploaded unasked.
    for (const f of [a.files[1]!, ...b.files]) {
      expect(h.portal.count('hasBlob', f.sha256)).toBe(0);
      expect(h.portal.count('putBlob', f.sha256)).toBe(1);
    }

    const body = JSON.parse(h.portal.dossiers.get(b.id)!.body) as PortalDossier;
    expect(body).toMatchObject({
      id: b.id,
      localCode: b.code,
      kioskId: 'K01',
      unitCode: '000.00.12.H29',
      procedureId: 'khai-sinh',
      procedureCode: '1.001193',
      assistedBy: 'Trần Thị Bích',
      data: { hoTen: 'Nguyễn Văn A' },
    });
    expect(body.attachments.map((x) => [x.componentId, x.sha256, x.bytes])).toEqual(
      b.files.map((f) => [f.componentId, f.sha256, f.bytes]),
    );

    expect(count(h, `SELECT COUNT(*) FROM audit_log WHERE action = 'sync.sent'`)).toBe(3);
    expect(count(h, `SELECT COUNT(*) FROM sync_events WHERE kind = 'sent'`)).toBe(3);
    const changed = h.events.filter((e) => e.event === 'dossier.changed').map((e) => e.payload);
    expect(changed).toEqual(
      expect.arrayContaining([
        { id: a.id, code: a.code, change: 'sent' },
        { id: b.id, code: b.code, change: 'sent' },
      ]),
    );
    expect(h.sync.status()).toMatchObject({ online: true, waiting: 0, sending: 0, attention: 0, synced: 3 });
    const last = h.events.filter((e) => e.event === 'sync.status').at(-1)!.payload;
    expect(last).toMatchObject({ synced: 3, waiting: 0 });
  });

  it('a retry checks each file first and does not upload again what the failed attempt delivered', async () => {
    const h = harness({ random: () => 0.5 });
    const a = h.seed({ attachments: [800, 900] });
    h.portal.fail('submitDossier', failures.server(502), { match: a.id });
    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'waiting', attempts: 1 });
    await h.advance(1000);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'done', attempts: 2 });
    for (const f of a.files) {
      expect(h.portal.count('putBlob', f.sha256)).toBe(1);
      expect(h.portal.count('hasBlob', f.sha256)).toBe(1);
    }
    expect(h.portal.count('submitDossier', a.id)).toBe(2);
  });

  it('leaves the connection as durable as it found it, even when recording a delivery fails', async () => {
    const h = harness({ random: () => 0.5 });
    h.db.pragma('synchronous = FULL'); // what the dossier module's submit relies on (main/core/db/open.ts)
    const a = h.seed();
    // The delivery's record cannot be written (its audit row is refused): the portal has the dossier,
    // the kiosk must keep it to send again, and no other module may be left writing without fsync.
    h.db.exec(
      `CREATE TRIGGER no_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'sync.sent'
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(h.db.pragma('synchronous', { simple: true })).toBe(2);

    h.db.exec('DROP TRIGGER no_audit');
    await h.advance(1000);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(h.db.pragma('synchronous', { simple: true })).toBe(2);
    // The repeat got the portal's first answer: one dossier, one code.
    expect(h.portal.dossiers.get(a.id)!.posts).toBe(2);
    expect(h.portal.dossiers.size).toBe(1);
  });

  it('sends a dossier submitted while online at once (kick), without waiting for a timer', async () => {
    const h = harness();
    h.sync.start();
    await h.advance(0);
    const d = h.seed();
    h.sync.kick();
    await h.advance(0);
    expect(outboxRow(h.db, d.id).state).toBe('done');
  });

  it('keeps sending the others when one dossier fails, and retries it after a jittered backoff', async () => {
    const h = harness({ random: () => 0.5 });
    const a = h.seed();
    const b = h.seed();
    const c = h.seed();
    h.portal.fail('submitDossier', failures.server(500), { match: a.id });

    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, b.id).state).toBe('done');
    expect(outboxRow(h.db, c.id).state).toBe('done');
    const failed = outboxRow(h.db, a.id);
    expect(failed).toMatchObject({ state: 'waiting', attempts: 1, httpStatus: 500, leaseUntil: null });
    // Full jitter: random 0.5 of the 2 s base after the first failure.
    expect(Date.parse(failed.nextAttemptAt) - h.clock.now().getTime()).toBe(1000);
    expect(count(h, `SELECT COUNT(*) FROM sync_events WHERE kind = 'retry' AND code = ?`, a.code)).toBe(1);

    await h.advance(999);
    expect(outboxRow(h.db, a.id).state).toBe('waiting');
    await h.advance(1);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('grows the backoff exponentially up to the configured ceiling', async () => {
    const h = harness({ random: () => 0.999, sync: { maxBackoffSeconds: 5 } });
    const a = h.seed();
    h.portal.fail('submitDossier', failures.server(503), { times: 5 });
    h.sync.start();
    await h.advance(0);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const row = outboxRow(h.db, a.id);
      const delay = Date.parse(row.nextAttemptAt) - h.clock.now().getTime();
      delays.push(delay);
      await h.advance(delay);
    }
    expect(delays).toEqual([1998, 3996, 4995, 4995]);
  });

  it('honours Retry-After when the portal asks for longer than the backoff', async () => {
    const h = harness();
    const a = h.seed();
    h.portal.fail('submitDossier', failures.busy(30_000));
    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'waiting', httpStatus: 429 });
    await h.advance(29_999);
    expect(h.portal.count('submitDossier')).toBe(1);
    await h.advance(1);
    expect(outboxRow(h.db, a.id).state).toBe('done');
  });

  it('a lost answer after the portal committed is saved by the idempotency key: one dossier, one code', async () => {
    const h = harness();
    const a = h.seed();
    let lose = true;
    h.portal.afterCommit = () => (lose ? ((lose = false), failures.network()) : null);
    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, a.id).state).toBe('waiting');
    expect(h.sync.status().online).toBe(false);
    await h.advance(4000);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    expect(h.portal.dossiers.size).toBe(1);
    expect(h.portal.dossiers.get(a.id)!.posts).toBe(2);
    const code = h.db.prepare('SELECT portal_code FROM dossiers WHERE id = ?').pluck().get(a.id);
    expect(code).toBe(h.portal.dossiers.get(a.id)!.portalCode);
    expect(
      count(h, `SELECT COUNT(*) FROM dossier_events WHERE dossier_id = ? AND status = 'sent'`, a.id),
    ).toBe(1);
  });
});

describe('refusals', () => {
  it('422: the dossier waits for staff with the portal reasons, is not retried, and goes after a correction', async () => {
    const h = harness();
    const a = h.seed({ data: { hoTen: '' } });
    const b = h.seed();
    h.portal.validate = (d) => (d.data.hoTen ? [] : ['Thiếu họ tên người yêu cầu', 'Ngày sinh không hợp lệ']);

    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, b.id).state).toBe('done');
    const row = outboxRow(h.db, a.id);
    expect(row).toMatchObject({ state: 'attention', httpStatus: 422, leaseUntil: null });
    expect(JSON.parse(row.reasonsJson!)).toEqual(['Thiếu họ tên người yêu cầu', 'Ngày sinh không hợp lệ']);
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({ level: 'warning', code: 'sync-refused' });
    expect(h.alerts[0]!.vi).toContain('Thiếu họ tên người yêu cầu');
    expect(h.alerts[0]!.vi).toContain(a.code);
    expect(h.alerts[0]!.settled).toBe(false);

    const list = h.sync.attention();
    expect(list).toEqual([
      expect.objectContaining({
        dossierId: a.id,
        code: a.code,
        procedureName: 'Đăng ký khai sinh',
        httpStatus: 422,
        reasons: ['Thiếu họ tên người yêu cầu', 'Ngày sinh không hợp lệ'],
        attempts: 1,
      }),
    ]);
    expect(h.sync.status().attention).toBe(1);

    // Never retried blindly: an hour later it has still been posted once.
    await h.advance(3_600_000);
    expect(h.portal.count('submitDossier', a.id)).toBe(1);
    expect(outboxRow(h.db, a.id).state).toBe('attention');

    // Staff correct the form (dossier.correct writes data_json) and press "retry now".
    h.db
      .prepare(`UPDATE dossiers SET data_json = ? WHERE id = ?`)
      .run(JSON.stringify({ hoTen: 'Lê Thị C' }), a.id);
    const status = h.sync.retry(a.id, staff);
    expect(status.attention).toBe(0);
    await h.advance(0);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'done', httpStatus: null, reasonsJson: null });
    expect(JSON.parse(h.portal.dossiers.get(a.id)!.body).data).toEqual({ hoTen: 'Lê Thị C' });
    const audit = h.db
      .prepare(`SELECT actor, action, target_id AS targetId FROM audit_log WHERE action = 'sync.retry'`)
      .get();
    expect(audit).toEqual({ actor: 'canbo1', action: 'sync.retry', targetId: a.id });
    expect(h.sync.attention()).toEqual([]);
    // Delivered: its "refused" alert closes itself; staff are not left with a problem that is gone.
    expect(h.alerts.map((x) => [x.subject, x.settled])).toEqual([[`dossier:${a.id}`, true]]);
  });

  it('401: stops that dossier, pauses the rest with one alert, and resumes when staff retry all', async () => {
    const h = harness({ sync: { concurrency: 1 } });
    const a = h.seed();
    const b = h.seed();
    h.portal.fail('putBlob', failures.refused(401, []));
    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'attention', httpStatus: 401 });
    expect(outboxRow(h.db, b.id).state).toBe('waiting');
    await h.advance(600_000);
    expect(h.portal.count('submitDossier')).toBe(0);
    expect(h.alerts.map((x) => [x.level, x.code])).toEqual([['critical', 'sync-token']]);

    h.sync.retry(undefined, staff);
    await h.advance(0);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    expect(outboxRow(h.db, b.id).state).toBe('done');
  });

  it('an attachment file missing on the kiosk stops the dossier for staff instead of sending it half', async () => {
    const h = harness();
    const a = h.seed({ attachments: [800, 900] });
    unlinkSync(blobPathIn(h.dataDir)(a.files[1]!.sha256));
    h.sync.start();
    await h.advance(0);
    const row = outboxRow(h.db, a.id);
    expect(row.state).toBe('attention');
    expect(JSON.parse(row.errorJson!).code).toBe('sync-file-missing');
    expect(h.portal.count('submitDossier')).toBe(0);
    expect(h.alerts[0]!.code).toBe('sync-refused');
  });

  it('sync.retry of an unknown dossier is a plain not-found', () => {
    const h = harness();
    expect(() => h.sync.retry('00000000-0000-4000-8000-000000000000', staff)).toThrow(/not-found/);
  });
});

describe('online detection', () => {
  it('offline: dossiers wait; when the link returns the first attempt starts within the probe interval', async () => {
    const h = harness();
    h.portal.down = true;
    h.sync.start();
    await h.advance(0);
    expect(h.sync.status()).toMatchObject({ portalConfigured: true, online: false });
    expect(count(h, `SELECT COUNT(*) FROM sync_events WHERE kind = 'offline'`)).toBe(1);

    const seeded = Array.from({ length: 5 }, () => h.seed());
    h.sync.kick();
    await h.advance(60_000);
    expect(h.portal.count('submitDossier')).toBe(0);
    expect(h.sync.status()).toMatchObject({ online: false, waiting: 5 });
    // Still one offline line: probing again while offline does not flood the feed.
    expect(count(h, `SELECT COUNT(*) FROM sync_events WHERE kind = 'offline'`)).toBe(1);

    h.portal.down = false;
    const back = h.clock.now().getTime();
    await h.advance(4000);
    for (const d of seeded) expect(outboxRow(h.db, d.id).state).toBe('done');
    const sentAt = h.db.prepare(`SELECT MIN(done_at) FROM outbox`).pluck().get() as string;
    expect(Date.parse(sentAt) - back).toBeLessThanOrEqual(4000);
    expect(h.sync.status()).toMatchObject({ online: true, waiting: 0, synced: 5 });
    const kinds = h.db
      .prepare(`SELECT kind FROM sync_events WHERE kind IN ('online','offline') ORDER BY id`)
      .pluck()
      .all();
    expect(kinds).toEqual(['offline', 'online']);
    const flips = h.events
      .filter((e) => e.event === 'sync.status')
      .map((e) => (e.payload as { online: boolean }).online);
    expect(flips).toContain(false);
    expect(flips.at(-1)).toBe(true);
  });

  it('a network failure mid-drain marks offline; what failed for lack of a link goes first when it returns', async () => {
    const h = harness({ random: () => 0.99, sync: { concurrency: 1, probeIntervalMs: 500 } });
    const a = h.seed();
    const b = h.seed();
    h.portal.fail('putBlob', failures.network(), { match: a.files[0]!.sha256 });
    h.sync.start();
    await h.advance(0);
    expect(h.sync.status().online).toBe(false);
    expect(outboxRow(h.db, a.id).state).toBe('waiting');
    expect(outboxRow(h.db, b.id).state).toBe('waiting');
    expect(h.portal.count('hasBlob', b.files[0]!.sha256)).toBe(0);
    // Backoff would say ~1.98 s; the link is back at the first probe (0.5 s) and both go then.
    await h.advance(500);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    expect(outboxRow(h.db, b.id).state).toBe('done');
  });

  it('a lease left by a crash is re-driven once it expires, never earlier', async () => {
    const h = harness();
    const a = h.seed();
    const b = h.seed();
    const now = h.clock.now().getTime();
    const lease = (id: string, ms: number) =>
      h.db
        .prepare(`UPDATE outbox SET state = 'sending', attempts = 1, lease_until = ? WHERE dossier_id = ?`)
        .run(new Date(now + ms).toISOString(), id);
    lease(a.id, 60_000);
    lease(b.id, -1);
    expect(h.sync.status()).toMatchObject({ sending: 1, waiting: 1 });

    h.sync.start();
    await h.advance(0);
    expect(outboxRow(h.db, b.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(outboxRow(h.db, a.id).state).toBe('sending');
    await h.advance(59_000);
    expect(h.portal.count('submitDossier', a.id)).toBe(0);
    await h.advance(1000);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('without a portal nothing runs and dossiers wait safely', async () => {
    const h = harness({ client: null });
    const a = h.seed();
    h.sync.start();
    h.sync.kick();
    await h.advance(600_000);
    expect(h.timers.pending()).toEqual([]);
    expect(outboxRow(h.db, a.id).state).toBe('waiting');
    expect(h.sync.status()).toMatchObject({ portalConfigured: false, online: false, waiting: 1, synced: 0 });
  });

  it('stop() hands a dossier in flight back to waiting and writes nothing after', async () => {
    const h = harness();
    const a = h.seed();
    let answer: (() => void) | undefined;
    const original = h.portal.submitDossier.bind(h.portal);
    h.portal.submitDossier = (d) =>
      new Promise((resolve) => {
        answer = () => void original(d).then(resolve);
      });
    h.sync.start();
    // Not h.advance: that waits for the engine to be idle, and this answer is held back on purpose.
    for (let i = 0; i < 20 && !answer; i++) await new Promise((r) => setImmediate(r));
    expect(outboxRow(h.db, a.id).state).toBe('sending');
    const stopping = h.sync.stop();
    // stopWaitMs is 3 s of wall time; answer during it to check no write happens after stop began.
    answer!();
    await stopping;
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'waiting', leaseUntil: null });
    expect(h.db.prepare('SELECT portal_code FROM dossiers WHERE id = ?').pluck().get(a.id)).toBeNull();
  });

  it('stop() is bounded even when a request never answers', async () => {
    const h = harness();
    const a = h.seed();
    let asked = false;
    h.portal.submitDossier = () => {
      asked = true;
      return new Promise(() => undefined);
    };
    h.sync.start();
    for (let i = 0; i < 20 && !asked; i++) await new Promise((r) => setImmediate(r));
    const t0 = Date.now();
    await h.sync.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'waiting', leaseUntil: null });
  });

  it('uploads a dossier’s files a few at a time, never more, and posts it only once all are there', async () => {
    const h = harness({ sync: { concurrency: 1 } });
    const a = h.seed({ attachments: Array.from({ length: 2 * UPLOADS_PER_DOSSIER + 1 }, (_, i) => 300 + i) });
    let inFlight = 0;
    let most = 0;
    const put = h.portal.putBlob.bind(h.portal);
    h.portal.putBlob = async (sha, path, bytes) => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => h.timers.timers.setTimeout(resolve, 1000));
      inFlight -= 1;
      return put(sha, path, bytes);
    };
    const submit = h.portal.submitDossier.bind(h.portal);
    h.portal.submitDossier = (d) => {
      expect(h.portal.blobs.size).toBe(a.files.length);
      return submit(d);
    };
    h.sync.start();
    await h.timers.advance(3000);
    await h.advance(0);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    expect(most).toBe(UPLOADS_PER_DOSSIER);
  });

  it('a failed upload starts no more files, lets the ones in flight finish, and retries the dossier', async () => {
    const h = harness({ random: () => 0.5, sync: { concurrency: 1 } });
    const a = h.seed({ attachments: Array.from({ length: 2 * UPLOADS_PER_DOSSIER }, (_, i) => 400 + i) });
    h.portal.fail('putBlob', failures.server(503), { match: a.files[0]!.sha256 });
    h.sync.start();
    await h.advance(0);
    // The first round was under way when the 503 came back; the second never started.
    expect(h.portal.count('putBlob')).toBe(UPLOADS_PER_DOSSIER);
    expect(h.portal.count('submitDossier')).toBe(0);
    expect(outboxRow(h.db, a.id)).toMatchObject({ state: 'waiting', httpStatus: 503 });
    await h.advance(1000);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    // The retry checked first and uploaded only what was missing.
    expect(h.portal.count('putBlob')).toBe(UPLOADS_PER_DOSSIER + UPLOADS_PER_DOSSIER + 1);
  });

  it('a slow upload renews its lease past half-time, so a long dossier is not taken twice', async () => {
    const h = harness({ sync: { leaseSeconds: 120 } });
    // Two rounds of uploads (UPLOADS_PER_DOSSIER go at once) on a slow link: 50 s per round.
    const sizes = Array.from({ length: 2 * UPLOADS_PER_DOSSIER }, (_, i) => 500 + i);
    const a = h.seed({ attachments: sizes });
    const leaseAt = () =>
      (Date.parse(outboxRow(h.db, a.id).leaseUntil!) - Date.parse('2026-11-23T02:00:00.000Z')) / 1000;
    const seen: string[] = [];
    const put = h.portal.putBlob.bind(h.portal);
    h.portal.putBlob = async (sha, path, bytes) => {
      seen.push(`put ${leaseAt()}`);
      await new Promise<void>((resolve) => h.timers.timers.setTimeout(resolve, 50_000));
      return put(sha, path, bytes);
    };
    const submit = h.portal.submitDossier.bind(h.portal);
    h.portal.submitDossier = (d) => {
      seen.push(`post ${leaseAt()}`);
      return submit(d);
    };
    h.sync.start();
    // Time moves without waiting for the engine to be idle (it is busy until the uploads' timers fire).
    await h.timers.advance(100_000);
    await h.advance(0);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    // Leased at 0 s until 120 s; after the first round (50 s) 70 s were left: kept; after the second
    // (100 s) only 20 s: renewed to 220 s, once, before the dossier is posted.
    expect(seen).toEqual([...sizes.map(() => 'put 120'), 'post 220']);
  });

  it('a probe hung on a dead link does not delay noticing the link is back, nor flip it off later', async () => {
    const h = harness();
    const a = h.seed();
    let failHung: () => void = () => undefined;
    const probe = h.portal.probe.bind(h.portal);
    h.portal.probe = () => {
      if (h.portal.count('probe') > 0) return probe();
      h.portal.calls.push({ method: 'probe' });
      // The first probe hangs (SYN into a dead link) and only fails much later.
      return new Promise((resolve) => {
        failHung = () => resolve({ ok: false, failure: failures.network() });
      });
    };
    h.sync.start();
    // Not h.advance: it waits for idleness, and the hung probe is in flight on purpose.
    h.clock.advance(4000);
    await h.timers.advance(0);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(h.sync.status().online).toBe(true);
    expect(outboxRow(h.db, a.id).state).toBe('done');
    failHung();
    await h.advance(0);
    expect(h.sync.status().online).toBe(true);
    expect(h.db.prepare(`SELECT COUNT(*) FROM sync_events WHERE kind = 'offline'`).pluck().get()).toBe(0);
  });
});
