import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath } from '../../../main/core/policy';

const root = '/opt/kiosk/resources/app.asar/dist/renderer';
const inRoot = (...parts: string[]) => path.posix.join(root, ...parts);

describe('resolveAppPath: files of the renderer build', () => {
  const cases: [string, string][] = [
    ['app://kiosk/', inRoot('index.html')],
    ['app://kiosk', inRoot('index.html')],
    ['app://kiosk/index.html', inRoot('index.html')],
    ['app://kiosk/assets/index-abc123.js', inRoot('assets', 'index-abc123.js')],
    ['app://kiosk/assets/index-abc123.js?v=1#x', inRoot('assets', 'index-abc123.js')],
    ['app://kiosk/fonts/Be%20Vietnam%20Pro.woff2', inRoot('fonts', 'Be Vietnam Pro.woff2')],
    ['app://kiosk/assets//x.css', inRoot('assets', 'x.css')],
    // The URL parser folds these before we see them: they stay inside the root.
    ['app://kiosk/../../etc/passwd.txt', inRoot('etc', 'passwd.txt')],
    ['app://kiosk/%2e%2e/%2e%2e/etc/passwd.txt', inRoot('etc', 'passwd.txt')],
    ['app://kiosk/assets/.%2E/.%2e/secret.txt', inRoot('secret.txt')],
  ];
  it.each(cases)('%j → %j', (url, expected) => {
    expect(resolveAppPath(url, root, path.posix)).toBe(expected);
  });
});

describe('resolveAppPath: client-side routes fall back to index.html', () => {
  it.each([
    'app://kiosk/staff',
    'app://kiosk/display',
    'app://kiosk/staff/alerts',
    'app://kiosk/citizen/dossier/42/',
  ])('%j', (url) => {
    expect(resolveAppPath(url, root, path.posix)).toBe(inRoot('index.html'));
  });
});

describe('resolveAppPath: refused', () => {
  const cases: [string, string][] = [
    ['app://kiosk/..%2f..%2fetc%2fpasswd', 'encoded slash'],
    ['app://kiosk/..%2F..%2Fetc%2Fpasswd.txt', 'encoded slash, upper case'],
    ['app://kiosk/%2e%2e%2f%2e%2e%2fetc/passwd.txt', 'encoded dots and slash'],
    ['app://kiosk/..%5c..%5cwindows%5cwin.ini', 'encoded backslash'],
    ['app://kiosk/..\\..\\windows\\win.ini', 'raw backslash'],
    ['app://kiosk/assets/a.js%00.png', 'encoded NUL'],
    ['app://kiosk/%252e%252e/etc/passwd.txt', 'double encoding'],
    ['app://kiosk/assets/%E0%A4%A.js', 'malformed percent-encoding'],
    ['app://kiosk/C:/Windows/win.ini', 'drive letter'],
    ['app://kiosk/index.html::$DATA', 'NTFS stream'],
    ['app://kiosk/.env', 'dotfile'],
    ['app://kiosk/.git/config', 'dot folder'],
    ['app://kiosk/assets/nul.js', 'Windows device name'],
    ['app://kiosk/COM1.txt', 'Windows device name, upper case'],
    ['app://kiosk.evil/index.html', 'foreign host'],
    ['app://user@kiosk/index.html', 'userinfo'],
    ['file:///etc/passwd', 'file:'],
    ['https://kiosk/index.html', 'https'],
    ['not a url', 'malformed'],
  ];
  it.each(cases)('%j (%s)', (url) => {
    expect(resolveAppPath(url, root, path.posix)).toBeNull();
  });
});

describe('resolveAppPath on Windows paths', () => {
  const winRoot = 'C:\\Program Files\\Mot Cua Kiosk\\resources\\app.asar\\dist\\renderer';
  it('maps into the root with Windows separators', () => {
    expect(resolveAppPath('app://kiosk/assets/a.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppPath('app://kiosk/staff', winRoot, path.win32)).toBe(`${winRoot}\\index.html`);
  });
  it.each([
    'app://kiosk/..%5c..%5c..%5cwindows%5cwin.ini',
    'app://kiosk/assets/..\\..\\..\\x.js',
    'app://kiosk/C:%5cWindows%5cwin.ini',
    'app://kiosk/D:/x.js',
    'app://kiosk/aux.html',
  ])('refuses %j', (url) => {
    expect(resolveAppPath(url, winRoot, path.win32)).toBeNull();
  });
});

describe('resolveAppPath defaults to the platform path module', () => {
  it('resolves with node:path when none is passed', () => {
    expect(resolveAppPath('app://kiosk/a.js', root)).toBe(path.join(path.resolve(root), 'a.js'));
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/index-1.CSS', 'text/css; charset=utf-8'],
    ['/r/fonts/a.woff2', 'font/woff2'],
    ['/r/a.svg', 'image/svg+xml'],
    ['/r/no-extension', 'application/octet-stream'],
    ['/r/dir.js/file', 'application/octet-stream'],
    ['C:\\r\\dir.js\\file', 'application/octet-stream'],
    ['/r/a.exe', 'application/octet-stream'],
  ])('%j → %j', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
