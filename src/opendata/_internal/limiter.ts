import { sleep } from './util.js';

/** A concurrency limit plus a per-host request-start spacing (requests per second). */
export class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private readonly perHost: Readonly<Record<string, number>>,
    private readonly defaultPerHost: number | undefined,
  ) {}

  /** A slot right now when one is free and the host has no rate limit; `undefined` otherwise. */
  tryAcquire(host: string): (() => void) | undefined {
    if (this.active >= this.concurrency) return undefined;
    const rps = this.perHost[host] ?? this.defaultPerHost;
    if (rps && rps > 0) return undefined;
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    };
  }

  /** Waits for a slot; returns the release function. */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    };
    const rps = this.perHost[host] ?? this.defaultPerHost;
    if (rps && rps > 0) {
      const now = Date.now();
      const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
      this.nextSlot.set(host, slot + 1000 / rps);
      if (slot > now) {
        try {
          await sleep(slot - now, signal);
        } catch (error) {
          release();
          throw error;
        }
      }
    }
    return release;
  }
}
