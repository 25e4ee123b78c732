import { sleep } from './util.js';

/**
 * A concurrency limit plus a per-host request-start spacing (requests per second). A slot is taken
 * with {@link Limiter.tryTake} (synchronous, no promise, no timer: the common case) or
 * {@link Limiter.take}, and given back exactly once with {@link Limiter.give}.
 */
export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly perHost: Readonly<Record<string, number>>,
    private readonly defaultPerHost: number | undefined,
  ) {}

  /** Takes a slot right now when one is free and the host has no rate limit; `false` otherwise. */
  tryTake(host: string): boolean {
    if (this.active >= this.concurrency) return false;
    const rps = this.perHost[host] ?? this.defaultPerHost;
    if (rps && rps > 0) return false;
    this.active++;
    return true;
  }

  /**
   * Waits for a slot and the host's next start time. An abort while waiting in the queue leaves the
   * queue at once and rejects with the signal's reason; an abort after the slot was taken gives it back
   * and rejects.
   */
  async take(host: string, signal?: AbortSignal): Promise<void> {
    if (this.active >= this.concurrency) await this.wait(signal);
    else this.active++;
    const rps = this.perHost[host] ?? this.defaultPerHost;
    if (rps && rps > 0) {
      const now = Date.now();
      const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
      this.nextSlot.set(host, slot + 1000 / rps);
      if (slot > now) {
        try {
          await sleep(slot - now, signal);
        } catch (error) {
          this.give();
          throw error;
        }
      }
    }
  }

  /** Queues for a slot handed over by {@link Limiter.give}; leaves the queue when `signal` aborts. */
  private wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        const i = this.queue.indexOf(wake);
        // Still queued (no slot handed over yet): leave the queue. Otherwise the slot is ours and
        // the caller sees the abort when it uses the signal.
        if (i >= 0) {
          this.queue.splice(i, 1);
          reject(signal?.reason);
        }
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.queue.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Gives a taken slot back: to the next waiter if any, else to the pool. Call once per slot. */
  give(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}
