// What the citizen sees of a card scanned earlier: the drafts it takes back on the greeting (the procedure
// and when it was started, nothing more), and the line after it filled the applicant, with its undo.
import { describe, expect, it } from 'vitest';
import { ScanDialog } from '../../../renderer/src/screens/citizen/ScanDialog';
import type { ScanNotice } from '../../../renderer/src/screens/citizen/session';
import { CarriedCardLine } from '../../../renderer/src/screens/dossier/wizard/CarriedCardLine';
import { ids, render, text } from './render';

const draft = {
  id: '3f2a7c1e-9b4d-4e8a-a1b2-c3d4e5f60718',
  procedureId: 'dang-ky-khai-sinh',
  procedureName: 'Đăng ký khai sinh',
  createdAt: '2026-12-07T02:05:00.000Z',
  draftToken: 'q2Xh0bN7rX4cT9vLw1sYk8uF3mZp6aEd5gHj2Ri0PoA',
};
const greeting = (drafts?: (typeof draft)[]): ScanNotice => ({
  kind: 'person',
  name: 'Nguyễn Văn An',
  maskedId: '0011••••1234',
  ...(drafts ? { drafts } : {}),
});
const dialog = (notice: ScanNotice, lang: 'vi' | 'en' = 'vi') =>
  render(
    <ScanDialog
      notice={notice}
      features={['queue', 'procedures', 'dossier', 'tracking']}
      onOpen={() => undefined}
      onResume={() => undefined}
      onDismiss={() => undefined}
    />,
    lang,
  );

describe('the greeting after a card', () => {
  it('offers each draft the card took back by its procedure and when it was started, one large button each', () => {
    const html = dialog(greeting([draft, { ...draft, id: 'b', procedureName: 'Đăng ký kết hôn' }]));
    expect(ids(html).filter((id) => id === 'scan-resume-draft')).toHaveLength(2);
    const words = text(html);
    expect(words).toContain('Làm tiếp hồ sơ đang dở: Đăng ký khai sinh');
    expect(words).toContain('Làm tiếp hồ sơ đang dở: Đăng ký kết hôn');
    expect(words).toContain('Bắt đầu lúc 09:05 07/12/2026');
    // Nothing of the draft's content, and never its token.
    expect(html).not.toContain(draft.draftToken);
    expect(html).toMatch(/class="btn btn-primary btn-xl scan-action"/);
  });

  it('in English too', () => {
    expect(text(dialog(greeting([draft]), 'en'))).toContain(
      'Continue the unfinished dossier: Đăng ký khai sinh',
    );
  });

  it('offers none before main found any', () => {
    expect(ids(dialog(greeting()))).not.toContain('scan-resume');
    expect(ids(dialog(greeting([])))).not.toContain('scan-resume');
  });
});

describe('the applicant filled from the session’s card', () => {
  it('says whose card filled which person, with "Không phải người nộp"', () => {
    const html = render(
      <CarriedCardLine name="Nguyễn Văn An" who="Người yêu cầu" onNotApplicant={() => undefined} />,
    );
    expect(text(html)).toContain('Đã điền thông tin từ thẻ của Nguyễn Văn An cho mục Người yêu cầu');
    expect(ids(html)).toEqual(['carried-card', 'carried-not-applicant']);
    expect(text(html)).toContain('Không phải người nộp');
  });
});
