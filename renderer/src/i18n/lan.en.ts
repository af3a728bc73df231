import type { lanVi } from './lan.vi';

/** English messages for the "Mạng nội bộ" tab; the same keys as lan.vi.ts. */
export const lanEn: typeof lanVi = {
  nav: 'Local network',
  title: 'Local network connection (counter PCs, waiting-room display)',
  loading: 'Loading the certificate details…',
  off: 'The kiosk does not listen on the local network: it can be used on this machine only. An admin turns on "bridge.lan" in the configuration file so counter PCs and the display can connect.',
  fingerprint: 'Root certificate fingerprint (SHA-256)',
  fingerprintHelp:
    'When installing the certificate on a counter PC or display, compare every pair of characters with this. If they differ, do not install it: someone is between that machine and the kiosk.',
  caValidUntil: 'Root certificate valid until',
  addresses: "The kiosk's addresses on the local network",
  serverValidUntil: 'Server certificate valid until (renewed by itself)',
  steps: 'Setting up a counter PC or waiting-room display (once per machine)',
  step1: 'On that machine, open {{url}} and save the certificate file.',
  step2:
    "Check the file's SHA-256 (Windows: certutil -hashfile mot-cua-kiosk-ca.crt SHA256) matches the one above.",
  step3: 'Install the file in "Trusted Root Certification Authorities" (Local Machine).',
  step4: 'Open {{url}}.',
};
