/**
 * Taking a photo of a paper with the kiosk camera: getUserMedia (video only) into a <video>, one frame
 * drawn on a canvas, sent as JPEG base64 (dossier.attach with a `capture` source; main turns it into a
 * PDF page). The stream stops as soon as the photo is taken or the dialog closes, so the camera light
 * never stays on. Where the camera is missing or not allowed (the kiosk grants it only to this view), it
 * says so kindly and points to USB or the scanner.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { base64OfDataUrl, cameraProblem, captureSize, type CameraProblem } from '../lib/camera';

type State =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'sending' }
  | { kind: 'problem'; problem: CameraProblem };

export function CameraCapture({ onCapture }: { onCapture: (base64: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<State>({ kind: 'off' });

  const stop = (): void => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  useEffect(() => stop, []);

  const start = async (): Promise<void> => {
    setState({ kind: 'starting' });
    try {
      if (!navigator.mediaDevices?.getUserMedia)
        throw Object.assign(new Error('no mediaDevices'), { name: 'TypeError' });
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play().catch(() => undefined);
      }
      setState({ kind: 'live' });
    } catch (error) {
      stop();
      setState({ kind: 'problem', problem: cameraProblem((error as { name?: string }).name) });
    }
  };

  const capture = async (): Promise<void> => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const size = captureSize(v.videoWidth, v.videoHeight);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(v, 0, 0, size.width, size.height);
    const base64 = base64OfDataUrl(canvas.toDataURL('image/jpeg', 0.85));
    if (!base64) return;
    setState({ kind: 'sending' });
    stop();
    const ok = await onCapture(base64);
    setState({ kind: 'off' });
    if (!ok) void start();
  };

  return (
    <div className="camera" data-testid="camera">
      <p>{t('dossier.attach.camera.hint')}</p>
      <video
        ref={video}
        className="camera-preview"
        hidden={state.kind !== 'live'}
        muted
        playsInline
        aria-label={t('dossier.attach.camera.preview')}
      />
      <p role="status" className="camera-status" data-testid="camera-status">
        {state.kind === 'starting'
          ? t('dossier.attach.camera.starting')
          : state.kind === 'sending'
            ? t('dossier.attach.camera.sending')
            : state.kind === 'problem'
              ? t(`dossier.attach.camera.${state.problem}`)
              : ''}
      </p>
      <div className="camera-actions">
        {state.kind === 'live' ? (
          <>
            <button
              type="button"
              className="btn btn-primary btn-xl"
              data-testid="camera-capture"
              onClick={() => void capture()}
            >
              {t('dossier.attach.camera.capture')}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                stop();
                setState({ kind: 'off' });
              }}
            >
              {t('dossier.attach.camera.stop')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-secondary btn-xl"
            data-testid="camera-start"
            disabled={state.kind === 'starting' || state.kind === 'sending'}
            onClick={() => void start()}
          >
            {t('dossier.attach.camera.start')}
          </button>
        )}
      </div>
    </div>
  );
}
