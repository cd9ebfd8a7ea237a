/**
 * A small schema checker for what callers send: every cloud function validates its input with it
 * before touching the database, and the reply names the field in Chinese.
 * (Hand-rolled rather than a library so bundles stay small and messages stay ours.)
 */
import { AppError } from './reply';

export class ValidationError extends AppError {
  readonly field: string;
  constructor(field: string, reason: string) {
    super('INVALID_INPUT', field ? `${field}${reason}` : reason);
    this.field = field;
  }
}

export type Check<T> = (value: unknown, field: string) => T;
export type Infer<C> = C extends Check<infer T> ? T : never;

interface StringOptions {
  min?: number;
  max?: number;
  pattern?: RegExp;
  label?: string;
  trim?: boolean;
}

function string(options: StringOptions = {}): Check<string> {
  const { min = 0, max = 1000, pattern, trim = true } = options;
  return (value, field) => {
    const name = options.label ?? field;
    if (typeof value !== 'string') throw new ValidationError(name, '应为文本');
    const text = trim ? value.trim() : value;
    if (text.length < min) throw new ValidationError(name, min <= 1 ? '不能为空' : `至少需要${min}个字`);
    if (text.length > max) throw new ValidationError(name, `不能超过${max}个字`);
    if (pattern && !pattern.test(text)) throw new ValidationError(name, '格式不正确');
    return text;
  };
}

function int(options: { min?: number; max?: number; label?: string } = {}): Check<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return (value, field) => {
    const name = options.label ?? field;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ValidationError(name, '应为整数');
    if (value < min) throw new ValidationError(name, `不能小于${min}`);
    if (value > max) throw new ValidationError(name, `不能大于${max}`);
    return value;
  };
}

function boolean(options: { label?: string } = {}): Check<boolean> {
  return (value, field) => {
    if (typeof value !== 'boolean') throw new ValidationError(options.label ?? field, '应为是或否');
    return value;
  };
}

function oneOf<const T extends readonly (string | number)[]>(values: T, options: { label?: string } = {}): Check<T[number]> {
  return (value, field) => {
    if (!values.includes(value as T[number])) throw new ValidationError(options.label ?? field, '不在可选范围内');
    return value as T[number];
  };
}

function array<T>(item: Check<T>, options: { min?: number; max?: number; label?: string } = {}): Check<T[]> {
  const { min = 0, max = 200 } = options;
  return (value, field) => {
    const name = options.label ?? field;
    if (!Array.isArray(value)) throw new ValidationError(name, '应为列表');
    if (value.length < min) throw new ValidationError(name, min <= 1 ? '不能为空' : `至少需要${min}项`);
    if (value.length > max) throw new ValidationError(name, `不能超过${max}项`);
    return value.map((v, i) => item(v, `${name}[${i + 1}]`));
  };
}

type Shape = Record<string, Check<unknown>>;
type ObjectOf<S extends Shape> = { [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]> } & {
  [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]>;
};

/** Unknown keys are dropped, so callers cannot smuggle fields (openid, role, price) into a write. */
function object<S extends Shape>(shape: S, options: { label?: string } = {}): Check<ObjectOf<S>> {
  return (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationError(options.label ?? field, '格式不正确');
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const parsed = shape[key](input[key], key);
      if (parsed !== undefined) out[key] = parsed;
    }
    return out as ObjectOf<S>;
  };
}

function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, field) => (value === undefined || value === null ? undefined : check(value, field));
}

export const v = { string, int, boolean, oneOf, array, object, optional };

/** Runs a check on a whole input; the field name of the top level is empty. */
export function parse<T>(check: Check<T>, value: unknown): T {
  return check(value, '');
}
