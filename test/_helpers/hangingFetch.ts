/**
 * A `fetch` that never answers: each call is recorded at once and settles only when its signal aborts
 * (rejecting with the signal's reason, as fetch does). Timeout and abort tests count attempts on it
 * without depending on how fast a server answers under load: the timeout always wins, whatever the
 * machine's speed, and the count is exact.
 */
export interface HangingFetch {
  fetch: typeof fetch;
  /** The URL of each call, in order. */
  calls: string[];
}

export function hangingFetch(): HangingFetch {
  const calls: string[] = [];
  const fetchThatHangs = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const signal = init?.signal;
    return new Promise<Response>((_resolve, reject) => {
      if (!signal) return; // never settles: a caller without a timeout would hang, and the test time out
      if (signal.aborted) reject(signal.reason);
      else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }) as typeof fetch;
  return { fetch: fetchThatHangs, calls };
}
