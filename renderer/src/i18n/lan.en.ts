import type { lanVi } from './lan.vi';

/** English messages for the LAN tab and the pairing screen; the same keys as lan.vi.ts. */
export const lanEn: typeof lanVi = {
  nav: 'Local network',
  title: 'Local network connection (counter PCs, waiting-room display)',
  loading: 'Loading the certificate details…',
  off: 'The kiosk does not listen on the local network: it can be used on this machine only. An admin turns on "bridge.lan" in the configuration file so counter PCs and the display can connect.',
  certificate: "The kiosk's HTTPS certificate",
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
  step4:
    'Open {{url}}. The machine shows the pairing screen: make a code for it under “Pair a new device” above.',
  thisDevice: 'Device: {{name}}',
  role: {
    counter: 'Counter PC',
    display: 'Waiting-room display',
    kiosk: 'Another kiosk',
  },
  newDevice: {
    title: 'Pair a new device',
    intro:
      'Choose what the new machine is for and give it a name, then press “Make a pairing code”. The code pairs one machine, within 5 minutes.',
    roleLegend: 'What is this machine for?',
    roleHelp: {
      counter: 'Staff sign in to call numbers, receive and look up dossiers at the counter.',
      display: 'Only shows the queue board and reads out the number called. Nobody signs in on it.',
      kiosk: 'One more kiosk where citizens take a number, file and track dossiers themselves.',
    },
    name: 'Device name',
    nameHelp:
      'For example: Counter 3, Main hall display. The name shows in the list below and on that machine.',
    nameRequired: 'Please give the device a name (at most 60 characters), for example “Counter 3”.',
    submit: 'Make a pairing code',
    pending: 'Making a code…',
  },
  code: {
    title: 'Pairing code for “{{name}}” ({{role}})',
    label: 'Pairing code: {{digits}}',
    countdown: '{{time}} left to enter the code',
    expired: 'This code has expired. Press “Make another code” for a new one.',
    onDevice: 'On that device:',
    step1:
      "Open the browser at the kiosk's address (see “HTTPS certificate” below). It shows the “Pair this device with the kiosk” screen.",
    step2: 'Enter these 6 digits and press “Pair”.',
    tries:
      'The code pairs one machine only, and is voided after many wrong tries. Do not read it out to anyone who has no business with it.',
    paired: '“{{name}}” is paired. It is now in the list below.',
    another: 'Make another code',
  },
  devices: {
    title: 'Paired devices',
    loading: 'Loading the devices…',
    empty: 'No device is paired yet. Make a code under “Pair a new device” above.',
    adminOnly:
      'Only an administrator can pair, see and revoke devices. To pair a new machine, please ask an administrator.',
    columns: {
      name: 'Device name',
      role: 'Role',
      paired: 'Paired',
      lastSeen: 'Last contact',
      state: 'State',
      actions: 'Actions',
    },
    pairedBy: 'by {{user}}',
    from: 'from {{address}}',
    never: 'No contact yet',
    live: 'In use',
    revoked: 'Revoked',
    revokedBy: '{{time}}, by {{user}}',
    revoke: 'Revoke',
    revokeLabel: 'Revoke the device “{{name}}”',
    revokedNotice: '“{{name}}” is revoked. That machine cannot be used until it is paired again.',
    confirm: {
      title: 'Revoke the device “{{name}}”?',
      body: 'Revoking takes effect at once: staff signed in on this machine are signed out and its screen stops. To use the machine again, it must be paired again with a new code.',
      keep: 'Keep it',
      confirm: 'Revoke now',
    },
  },
  pairing: {
    title: 'Pair this device with the kiosk',
    lead: 'This machine is not paired with the kiosk yet, so it cannot be used. This is done once per machine.',
    stepsTitle: 'How to pair',
    step1: 'Ask an administrator to open, on the kiosk:',
    step1Path: 'Staff console → Local network → Pair a new device',
    step2:
      "The administrator chooses this machine's role (counter PC, waiting-room display or another kiosk) and names it.",
    step3:
      'The kiosk shows a 6-digit code. Type it in the “Pairing code” box and press “Pair”. The code is valid for 5 minutes.',
    codeLabel: 'Pairing code (6 digits)',
    codeHelp: 'Type it with the number pad below or the keyboard.',
    submit: 'Pair',
    pending: 'Pairing…',
    opening: 'Paired. Opening…',
    notKept:
      'The kiosk took the code, but this browser did not keep the pairing. Allow this page to store cookies, then ask an administrator for a new code.',
    revoked:
      'This machine is no longer paired with the kiosk (an administrator may have revoked it). Ask an administrator for a new code to pair it again.',
  },
};
