/** The symbol beside a clinician's name: recognisable without reading, decorative for screen readers. */
import type { ClinicianTile } from '../../../main/contract/contract.ts';

const paths: Record<ClinicianTile['symbol'], string> = {
  leaf: 'M6 26C6 12 16 6 27 5c-1 11-7 21-21 21zm0 0 12-12',
  wave: 'M3 18c4-6 8-6 12 0s8 6 12 0M3 25c4-6 8-6 12 0s8 6 12 0',
  sun: 'M16 10a6 6 0 1 1 0 12 6 6 0 0 1 0-12zM16 3v3M16 26v3M3 16h3M26 16h3M7 7l2 2M23 23l2 2M7 25l2-2M23 9l2-2',
  moon: 'M22 5a11 11 0 1 0 6 17A9 9 0 0 1 22 5z',
  star: 'M16 4l3.5 7.5 8 1-6 5.5 1.5 8-7-4-7 4 1.5-8-6-5.5 8-1z',
  feather: 'M26 6C16 6 9 13 8 24l-3 3M8 24c9-1 16-7 17-17M12 16h8',
  shell: 'M16 27C8 27 4 20 4 14a12 12 0 0 1 24 0c0 6-4 13-12 13zM16 27V8M10 25l3-16M22 25l-3-16',
  mountain: 'M3 26l9-15 5 8 4-5 8 12z',
  drop: 'M16 4c5 7 9 11 9 16a9 9 0 0 1-18 0c0-5 4-9 9-16z',
  cloud: 'M9 24a5 5 0 0 1 0-10 7 7 0 0 1 13-2 5 5 0 0 1 1 12z',
};

export function ClinicianSymbol({ symbol, size = 32 }: { symbol: ClinicianTile['symbol']; size?: number }) {
  return (
    <svg className="clinician-symbol" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={paths[symbol]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
