// Fault injection for tests of the extension's error handling. Off unless configured through start() or
// the loopback-only admin endpoint POST /__sandbox/faults.
import { formatError } from './http/tppMessages';

// large-body pads the real answer in memory (up to a few MB); huge-body streams `sizeBytes` of a generated
// JSON array without holding it, for clients' memory bounds; trickle sends the real answer one byte every
// `delayMs` (default 1000), for clients' overall deadlines.
export const FAULT_KINDS = ['token-expired', 'rate-limit', 'server-error', 'unavailable', 'slow', 'reset', 'malformed-json', 'empty-body', 'empty-object', 'large-body', 'huge-body', 'trickle'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  readonly kind: FaultKind;
  /** Catalogue operation ids the fault applies to; all operations when absent or empty. */
  readonly operations?: readonly string[];
  /** How many requests it hits before switching itself off; unlimited when absent. */
  readonly times?: number;
  readonly delayMs?: number;
  readonly retryAfterSeconds?: number;
  readonly sizeBytes?: number;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
}

export interface Faults {
  set(specs: readonly FaultSpec[]): void;
  /** Adds to the faults already set, which keep what they have left. */
  add(specs: readonly FaultSpec[]): void;
  list(): FaultSpec[];
  /** The fault to apply to this operation now, if any (counts it as used). */
  take(operationId: string): FaultSpec | undefined;
}

export function parseFaults(value: unknown): FaultSpec[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) => {
    const where = `faults[${i}]`;
    if (typeof item !== 'object' || item === null) throw formatError(where, `${where} must be an object.`);
    const spec = item as Record<string, unknown>;
    if (!FAULT_KINDS.includes(spec['kind'] as FaultKind)) throw formatError(`${where}.kind`, `kind must be one of ${FAULT_KINDS.join(', ')}.`);
    const ops = spec['operations'];
    if (ops !== undefined && (!Array.isArray(ops) || !ops.every((o) => typeof o === 'string'))) {
      throw formatError(`${where}.operations`, 'operations must be an array of operation ids.');
    }
    for (const key of ['times', 'delayMs', 'retryAfterSeconds', 'sizeBytes']) {
      const n = spec[key];
      if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n) || n < 0)) throw formatError(`${where}.${key}`, `${key} must be a non-negative number.`);
    }
    return spec as unknown as FaultSpec;
  });
}

export function createFaults(initial: readonly FaultSpec[] = []): Faults {
  let active: ActiveFault[] = [];
  const activeOf = (specs: readonly FaultSpec[]): ActiveFault[] => specs.map((spec) => ({ spec, remaining: spec.times ?? Number.POSITIVE_INFINITY }));
  const set = (specs: readonly FaultSpec[]) => {
    active = activeOf(specs);
  };
  set(initial);
  return {
    set,
    add(specs) {
      active = [...active.filter((f) => f.remaining > 0), ...activeOf(specs)];
    },
    list: () => active.filter((f) => f.remaining > 0).map((f) => f.spec),
    take(operationId) {
      const fault = active.find((f) => f.remaining > 0 && (!f.spec.operations?.length || f.spec.operations.includes(operationId)));
      if (!fault) return undefined;
      fault.remaining -= 1;
      return fault.spec;
    },
  };
}
