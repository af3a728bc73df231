import { renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleData } from '../../main/core/catalogue/examples';
import { api } from './support/contract';
import { expect, test } from './fixtures';

/**
 * The camera in browser mode (the way a counter PC or the kiosk without Electron runs it): Chromium's fake
 * camera plays a 1280×720 frame of a paper with sensor noise, the kiosk's camera view takes a photo, and the
 * bridge carries the JPEG (far over the 64 KiB every other call is held to) to dossier.attach.
 */

/** One frame of YUV 4:2:0 video in Y4M, Chromium's format for a fake camera file. */
function y4mFrame(width: number, height: number): Buffer {
  let seed = 0x9e3779b9;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const luma = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = y % 32 < 12 && x > 80 && x < width - 80 && (x * 7 + y * 3) % 13 < 7;
      luma[y * width + x] = Math.max(0, Math.min(255, (ink ? 50 : 215) + Math.round((random() - 0.5) * 40)));
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const header = `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), luma, chroma, chroma]);
}

// Written when the file loads (before the browser starts) by the runner and by each worker: always the
// same bytes at the same path, renamed into place so a browser never reads a half-written file.
const video = join(tmpdir(), 'kiosk-e2e-fake-camera-1280x720.y4m');
writeFileSync(`${video}.${process.pid}`, y4mFrame(1280, 720));
renameSync(`${video}.${process.pid}`, video);

test.use({
  launchOptions: {
    executablePath: process.env.KIOSK_E2E_CHROMIUM ?? '/usr/bin/chromium',
    env: { ...process.env, LANGUAGE: 'vi' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=vi',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
  permissions: ['camera'],
});

test('a photo from the camera is attached through the bridge', async ({ page, app }) => {
  await page.goto(`${app.url}/`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('tile-dossier').click();
  await page.getByTestId('procedure-dang-ky-khai-sinh').click();
  await page.getByTestId('privacy-agree').click();
  await expect(page.getByTestId('step-form')).toBeVisible();
  // The form is not what this test is about: it is filled over the contract, then the page resumes it.
  await expect(page.getByTestId('wizard-save')).toBeVisible();
  const draft = await page.evaluate(() => sessionStorage.getItem('kiosk.dossierDraft'));
  // The draft's token, kept beside its id: without it the bridge does not open the draft.
  const { id, draftToken } = JSON.parse(draft ?? '{}') as { id: string; draftToken: string };
  await api(app.url, 'dossier.update', { id, draftToken, data: exampleData('dang-ky-khai-sinh') });
  await page.reload();
  await expect(page.getByTestId('step-form')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-attachments')).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('add-giay-to-tuy-than').click();
  const chooser = page.getByTestId('file-chooser');
  await chooser.getByTestId('chooser-camera').click();
  await chooser.getByTestId('camera-start').click();
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/dossier.attach'));
  await chooser.getByTestId('camera-capture').click();
  const body = (await sent).postData() ?? '';
  expect(body.length, 'a real frame is far over the 64 KiB other calls may send').toBeGreaterThan(200_000);
  await expect(chooser).toHaveCount(0);
  await expect(page.getByTestId('attachment-giay-to-tuy-than-0')).toBeVisible();

  const dossier = await api<{ attachments: { componentId: string; kind: string; name: string }[] }>(
    app.url,
    'dossier.get',
    { id, draftToken },
  );
  expect(dossier.attachments).toEqual([
    expect.objectContaining({
      componentId: 'giay-to-tuy-than',
      kind: 'jpeg',
      name: expect.stringMatching(/^anh-chup-/),
    }),
  ]);
});
