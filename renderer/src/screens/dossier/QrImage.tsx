/**
 * A QR code as an <img> (a PNG data URL made by the `qrcode` package; the CSP allows data: images). Used
 * for the dossier code on the receipt screen and for the VietQR fee payment.
 */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function QrImage({
  text,
  label,
  size = 280,
  testId,
}: {
  text: string;
  label: string;
  size?: number;
  testId?: string;
}) {
  const [url, setUrl] = useState<{ text: string; url: string } | null>(null);

  useEffect(() => {
    let live = true;
    // Error level M: survives a smudged screen or print; the payloads here are short.
    void QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size }).then(
      (dataUrl) => {
        if (live) setUrl({ text, url: dataUrl });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text, size]);

  return url && url.text === text ? (
    <img className="qr-image" src={url.url} alt={label} width={size} height={size} data-testid={testId} />
  ) : (
    <span className="qr-placeholder" style={{ width: size, height: size }} role="img" aria-label={label} />
  );
}
