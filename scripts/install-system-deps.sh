#!/usr/bin/env bash
# Debian packages the tests (and browser mode) need. Idempotent: installs only what is missing.
#   chromium            the e2e browser (driven by playwright-core; no browser download)
#   chromium-l10n       its Vietnamese locale: staff date fields read dd/mm/yyyy
#   cups, cups-pdf …    a real printer queue whose output is a PDF ($HOME/PDF)
#   poppler-utils       pdftotext / pdftoppm to read printed output back
#   zbar-tools          zbarimg to decode printed QR codes
#   libusb-1.0-0        node-hid's runtime
#   fonts-noto-core     Vietnamese-capable fonts for the browser
#   build-essential, python3   node-gyp fallback when a native module has no prebuilt binary
set -euo pipefail
packages=(chromium chromium-l10n cups cups-pdf cups-bsd cups-client poppler-utils zbar-tools libusb-1.0-0 fonts-noto-core
  build-essential python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "System packages ready."
