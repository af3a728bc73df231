import type { PrintTransports } from '../../../main/core/print';

/** What a job would have sent: through which transport, to which printer, the bytes and the job's title. */
export interface Sent {
  via: 'tcp' | 'device' | 'cups';
  to: string;
  bytes: Uint8Array;
  title?: string;
}

/** Transports that record what would have gone to each printer. */
export function fakeTransports(): { sent: Sent[]; transports: PrintTransports } {
  const sent: Sent[] = [];
  return {
    sent,
    transports: {
      tcp: async (printer, bytes) => {
        sent.push({ via: 'tcp', to: `${printer.host}:${printer.port}`, bytes });
        return { bytesSent: bytes.length, paper: 'unknown' };
      },
      device: async (path, bytes) => void sent.push({ via: 'device', to: path, bytes }),
      cups: async (queue, bytes, options) => {
        sent.push({ via: 'cups', to: queue, bytes, title: options?.title });
        return `${queue}-1`;
      },
    },
  };
}
