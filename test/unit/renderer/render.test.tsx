// Server-side rendering smoke tests: no DOM is needed to check that screens render their text through
// i18n, carry the e2e test ids and have one h1. Behaviour in a browser is covered by the e2e suite.
import { describe, expect, it } from 'vitest';
import { Home } from '../../../renderer/src/screens/citizen/Home';
import { ComingSoon } from '../../../renderer/src/screens/citizen/ComingSoon';
import { SignIn } from '../../../renderer/src/screens/staff/SignIn';
import { IdleDialog } from '../../../renderer/src/components/IdleDialog';
import { A11yControls } from '../../../renderer/src/components/DisplayControls';
import { render } from './render';

const count = (html: string, needle: string | RegExp): number => html.split(needle).length - 1;

describe('citizen screens render', () => {
  it('home: one h1, four tiles; only the queue (enabled and built) is not "Sắp có"', () => {
    const html = render(<Home features={['queue']} onOpen={() => undefined} />);
    expect(count(html, '<h1')).toBe(1);
    for (const id of ['tile-queue', 'tile-procedures', 'tile-dossier', 'tile-tracking']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(count(html, 'Sắp có')).toBe(3);
    expect(html).toContain('Lấy số thứ tự');
    expect(html).toContain('Tra cứu thủ tục');
    expect(html).toContain('<span class="tile-title">Nộp hồ sơ</span>');
    // The kiosk may be offline: no tile promises an online filing.
    expect(html).not.toContain('trực tuyến');
    expect(html).toContain('Tra cứu hồ sơ');
  });

  it('home in English', () => {
    const html = render(<Home features={[]} onOpen={() => undefined} />, 'en');
    expect(count(html, 'Coming soon')).toBe(4);
    expect(html).toContain('Take a queue ticket');
  });

  it('coming soon: honest text and a home button', () => {
    const html = render(<ComingSoon feature="tracking" onHome={() => undefined} />);
    expect(html).toContain('data-testid="coming-soon"');
    expect(html).toContain('data-testid="home-button"');
    expect(html).toContain('Về trang chủ');
    expect(html).toContain('chưa có ở ki-ốt này');
    expect(count(html, '<h1')).toBe(1);
  });

  it('text size and contrast buttons expose aria-pressed', () => {
    const html = render(
      <A11yControls
        textSize="large"
        highContrast={false}
        onTextSize={() => undefined}
        onToggleContrast={() => undefined}
      />,
    );
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="text-larger"/);
    expect(html).toMatch(/aria-pressed="false"[^>]*data-testid="text-smaller"/);
    expect(html).toMatch(/aria-pressed="false"[^>]*data-testid="contrast-toggle"/);
  });

  it('idle dialog: alertdialog with countdown and continue button', () => {
    const html = render(<IdleDialog secondsLeft={12} warningSeconds={15} onContinue={() => undefined} />);
    expect(html).toContain('role="alertdialog"');
    expect(html).toContain('aria-live="assertive"');
    expect(html).toContain('Màn hình sẽ trở về trang chủ sau 12 giây');
    expect(html).toContain('data-testid="idle-continue"');
    expect(html).toContain('Tôi vẫn đang dùng');
  });
});

describe('staff sign-in renders', () => {
  it('labels every input and shows a server notice in the alert region', () => {
    const html = render(
      <SignIn
        notice={{ code: 'session-expired', vi: 'Phiên đã hết hạn.', en: 'Session expired.' }}
        onSignedIn={() => undefined}
      />,
    );
    for (const id of ['staff-user', 'staff-pin', 'staff-submit', 'staff-error']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('for="staff-user"');
    expect(html).toContain('for="staff-pin"');
    expect(html).toContain('type="password"');
    expect(html).toMatch(/role="alert"[^>]*>Phiên đã hết hạn\./);
  });
});
