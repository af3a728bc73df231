/**
 * The waiting-room display's sound: a two-tone chime (Web Audio oscillators, no audio files) and, when the
 * machine has a Vietnamese voice, the call read aloud with `speechSynthesis`.
 *
 * Calls are announced one after another through a queue: two calls a second apart are both heard in full,
 * never cut off. Browsers block sound until someone touches the page (Chromium: unless launched with
 * `--autoplay-policy=no-user-gesture-required`, which the display PC should use); while blocked, the screen
 * shows "Bật âm thanh" and calls are shown but not queued for sound, so no backlog plays later.
 */

/** Serialises announcements; each task resolves when its sound has finished (or timed out). */
export interface Announcer {
  announce(text: string): void;
  /** Tasks queued or playing. */
  pending(): number;
}

export function createAnnouncer(play: (text: string) => Promise<void>): Announcer {
  let chain: Promise<void> = Promise.resolve();
  let count = 0;
  return {
    announce(text) {
      count += 1;
      chain = chain
        .then(() => play(text))
        .catch(() => undefined)
        .finally(() => {
          count -= 1;
        });
    },
    pending: () => count,
  };
}

/** A voice whose language is Vietnamese (`vi`, `vi-VN`), preferring a local one. */
export function pickVietnameseVoice<V extends { lang: string; localService?: boolean }>(
  voices: readonly V[],
): V | undefined {
  const vi = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi'));
  return vi.find((v) => v.localService) ?? vi[0];
}

const CHIME_NOTES: readonly (readonly [frequency: number, offset: number])[] = [
  [659.25, 0], // E5
  [523.25, 0.5], // C5: the familiar "ding-dong" of public address systems
];
const CHIME_MS = 1800;

export function playChime(ctx: AudioContext): Promise<void> {
  const start = ctx.currentTime + 0.05;
  for (const [frequency, offset] of CHIME_NOTES) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const t0 = start + offset;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.45, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 1.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 1.25);
  }
  return new Promise((resolve) => window.setTimeout(resolve, CHIME_MS));
}

// Chromium drops `onend` for an utterance that was garbage-collected mid-speech: keep them referenced.
const speaking = new Set<SpeechSynthesisUtterance>();

export function speak(synth: SpeechSynthesis, voice: SpeechSynthesisVoice, text: string): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    let timer = 0;
    const finish = (): void => {
      window.clearTimeout(timer);
      speaking.delete(utterance);
      resolve();
    };
    utterance.onend = finish;
    utterance.onerror = finish;
    // If the engine never reports the end, do not hold the queue forever.
    timer = window.setTimeout(finish, Math.max(8000, text.length * 150));
    speaking.add(utterance);
    synth.speak(utterance);
  });
}

export interface DisplaySound {
  /** True while the browser refuses to play sound until a user gesture. */
  blocked(): boolean;
  /** Calls `listener` with the current state soon, then on every change. */
  onBlockedChange(listener: (blocked: boolean) => void): () => void;
  /** Call from a click: resumes audio (and lets speech run). */
  unlock(): Promise<void>;
  /** Chime, then the text aloud if a Vietnamese voice exists; queued after any earlier call. */
  announce(text: string): void;
  close(): void;
}

export function createDisplaySound(win: Window & typeof globalThis): DisplaySound {
  const Ctx = win.AudioContext as typeof AudioContext | undefined;
  const ctx = Ctx ? new Ctx() : undefined;
  const synth = 'speechSynthesis' in win ? win.speechSynthesis : undefined;
  let voice: SpeechSynthesisVoice | undefined;
  const listeners = new Set<(blocked: boolean) => void>();

  const findVoice = (): void => {
    voice = synth ? pickVietnameseVoice(synth.getVoices()) : undefined;
  };
  findVoice();
  synth?.addEventListener('voiceschanged', findVoice);

  const blocked = (): boolean => ctx !== undefined && ctx.state !== 'running';
  const notify = (): void => {
    for (const l of listeners) l(blocked());
  };
  ctx?.addEventListener('statechange', notify);

  const announcer = createAnnouncer(async (text) => {
    if (ctx && ctx.state === 'running') await playChime(ctx);
    if (synth && voice) await speak(synth, voice, text);
  });

  return {
    blocked,
    onBlockedChange(listener) {
      listeners.add(listener);
      // Tell the new listener the current state too, on the next turn (it may be inside a render effect).
      queueMicrotask(() => {
        if (listeners.has(listener)) listener(blocked());
      });
      return () => listeners.delete(listener);
    },
    async unlock() {
      await ctx?.resume().catch(() => undefined);
      notify();
    },
    announce(text) {
      if (blocked()) return;
      announcer.announce(text);
    },
    close() {
      synth?.removeEventListener('voiceschanged', findVoice);
      synth?.cancel();
      void ctx?.close().catch(() => undefined);
      listeners.clear();
    },
  };
}
