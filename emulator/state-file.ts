import fs from 'node:fs';
import path from 'node:path';
import type { PayState } from './openapi/cloud-pay';
import type { SubscribeState } from './openapi/subscribe-messages';

export interface EmulatorState {
  subscribe: SubscribeState;
  pay: PayState;
}

/**
 * What WeChat itself would remember (subscription credits, sent messages, payments) kept beside the
 * database in a durable data folder, so restarting the dev server does not forget an unpaid order.
 */
export class StateFile {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => EmulatorState,
  ) {}

  static at(dataDir: string, snapshot: () => EmulatorState): StateFile {
    return new StateFile(path.join(dataDir, 'emulator-state.json'), snapshot);
  }

  load(): EmulatorState | undefined {
    if (!fs.existsSync(this.file)) return undefined;
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as EmulatorState;
    } catch (error) {
      console.warn(`[emulator] ignoring unreadable ${this.file}: ${(error as Error).message}`);
      return undefined;
    }
  }

  saveSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.saveNow(), 200);
    this.timer.unref();
  }

  saveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    fs.writeFileSync(this.file, JSON.stringify(this.snapshot(), null, 1));
  }
}
