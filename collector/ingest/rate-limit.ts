// A token bucket per host: each enrolled host may send `perSecond` requests on
// average with bursts up to `burst`, so one misbehaving or compromised agent
// cannot starve the collector. Checked after the signature verifies, so a
// stranger cannot spend a real host's budget.
import { DriftwatchError } from '../../common/errors.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perSecond: number, private readonly burst: number) {}

  take(hostId: string, nowMs: number): void {
    const b = this.buckets.get(hostId) ?? { tokens: this.burst, at: nowMs };
    b.tokens = Math.min(this.burst, b.tokens + ((nowMs - b.at) / 1000) * this.perSecond);
    b.at = nowMs;
    if (b.tokens < 1) {
      this.buckets.set(hostId, b);
      throw new DriftwatchError('COLLECTOR_RATE_LIMITED', `host ${hostId} exceeds ${this.perSecond} requests/s`);
    }
    b.tokens -= 1;
    this.buckets.set(hostId, b);
    if (this.buckets.size > 1_000_000) this.buckets.clear(); // bound memory; a reset only grants a fresh burst
  }
}
