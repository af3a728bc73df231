/** Inline SVG icons: decorative (aria-hidden), drawn in currentColor so high contrast recolours them. */
import type { ReactNode } from 'react';
import type { Feature } from '../../../preload/api';

function Svg({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

type IconProps = { className?: string };

/** A civic building: the one-stop centre. Deliberately not the national emblem. */
export const Emblem = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M6 18 24 7l18 11" />
    <path d="M9 18h30M9 40h30M6 44h36" />
    <path d="M13 22v14M21 22v14M27 22v14M35 22v14" />
  </Svg>
);

export const QueueIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 12h32v8a4 4 0 0 0 0 8v8H8v-8a4 4 0 0 0 0-8z" />
    <path d="M20 19v10M16 22l4-3M16 29h8" />
    <path d="M30 16v3M30 23v3M30 30v3" />
  </Svg>
);

export const ProceduresIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M10 6h20l8 8v28H10z" />
    <path d="M30 6v8h8" />
    <path d="M16 22h16M16 29h16M16 36h10" />
  </Svg>
);

export const DossierIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M6 14h14l4 5h18v23H6z" />
    <path d="M24 37V25M18 30l6-6 6 6" />
  </Svg>
);

export const TrackingIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M10 6h18l8 8v10" />
    <path d="M10 6v36h14" />
    <circle cx="33" cy="33" r="7" />
    <path d="m38 38 5 5M16 18h10M16 25h8" />
  </Svg>
);

export const ContrastIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="24" cy="24" r="17" />
    <path d="M24 7a17 17 0 0 1 0 34z" fill="currentColor" />
  </Svg>
);

export const HomeIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M6 22 24 7l18 15" />
    <path d="M11 19v22h26V19" />
    <path d="M20 41V29h8v12" />
  </Svg>
);

export const PersonIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="24" cy="16" r="8" />
    <path d="M9 42c1-9 7-14 15-14s14 5 15 14" />
  </Svg>
);

export const BackspaceIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M17 10h25v28H17L5 24z" />
    <path d="m23 18 12 12M35 18 23 30" />
  </Svg>
);

export const GlobeIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="24" cy="24" r="17" />
    <path d="M7 24h34M24 7c-6 6-6 28 0 34M24 7c6 6 6 28 0 34" />
  </Svg>
);

/** A person with a cane: priority tickets. */
export const PriorityIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="22" cy="9" r="4" />
    <path d="M20 16l-4 12h8l4 14M18 28l-5 14M24 18l6 6 5-2" />
    <path d="M35 22v20" />
  </Svg>
);

export const PrinterIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M14 18V6h20v12" />
    <path d="M10 34H6V18h36v16h-4" />
    <path d="M14 28h20v14H14z" />
  </Svg>
);

export const CheckIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="24" cy="24" r="18" />
    <path d="m15 24 6 6 12-12" />
  </Svg>
);

export const WarningIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M24 6 43 40H5z" />
    <path d="M24 19v10M24 34v1" />
  </Svg>
);

export const SpeakerIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 18h8l10-8v28l-10-8H8z" />
    <path d="M32 17a9 9 0 0 1 0 14M37 12a16 16 0 0 1 0 24" />
  </Svg>
);

export const featureIcons: Record<Feature, (props: IconProps) => ReactNode> = {
  queue: QueueIcon,
  procedures: ProceduresIcon,
  dossier: DossierIcon,
  tracking: TrackingIcon,
};
