/**
 * A QR code drawn with plain Views, so the same component renders on weapp and h5 with no canvas
 * (a canvas needs a node query on weapp and blurs on h5 zoom). The `qrcode` package's encoder gives
 * the module matrix; each row is drawn as runs of same-coloured modules, so a 33x33 code is a few
 * hundred Views rather than a thousand.
 */
import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { create } from 'qrcode/lib/core/qrcode';
import './index.scss';

export interface QrCodeProps {
  value: string;
  /** Drawn width in px (design px, 375 wide), quiet zone included. */
  size?: number;
  /** Greyed out with a label on top, e.g. 已核销. */
  veil?: string;
  className?: string;
}

interface Run {
  dark: boolean;
  length: number;
}

/** Rows of runs; exported for tests. */
export function qrRuns(value: string): { size: number; rows: Run[][] } {
  const { modules } = create(value, { errorCorrectionLevel: 'M' });
  const rows: Run[][] = [];
  for (let r = 0; r < modules.size; r += 1) {
    const row: Run[] = [];
    for (let c = 0; c < modules.size; c += 1) {
      const dark = Boolean(modules.get(r, c));
      const last = row[row.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else row.push({ dark, length: 1 });
    }
    rows.push(row);
  }
  return { size: modules.size, rows };
}

const QUIET_MODULES = 2;

export function QrCode({ value, size = 220, veil, className = '' }: QrCodeProps) {
  const matrix = useMemo(() => (value ? qrRuns(value) : null), [value]);
  if (!matrix) return <View className={`qr-code ${className}`} style={{ width: `${size}px`, height: `${size}px` }} />;
  // Whole device pixels per module keep the edges crisp; the quiet zone absorbs the remainder.
  const cell = Math.max(1, Math.floor(size / (matrix.size + QUIET_MODULES * 2)));
  const inner = cell * matrix.size;
  return (
    <View className={`qr-code ${veil ? 'qr-code--veiled' : ''} ${className}`.trim()} style={{ width: `${size}px`, height: `${size}px` }}>
      <View className="qr-code__matrix" style={{ width: `${inner}px`, height: `${inner}px` }}>
        {matrix.rows.map((row, r) => (
          <View key={r} className="qr-code__row" style={{ height: `${cell}px` }}>
            {row.map((run, i) => (
              <View key={i} className={run.dark ? 'qr-code__dark' : 'qr-code__light'} style={{ width: `${run.length * cell}px`, height: `${cell}px` }} />
            ))}
          </View>
        ))}
      </View>
      {veil ? <View className="qr-code__veil">{veil}</View> : null}
    </View>
  );
}

export default QrCode;
