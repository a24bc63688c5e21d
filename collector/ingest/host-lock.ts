// Serialises the batches of one host inside this process: a batch reads the
// host's acknowledged sequence and chain head, then appends, and two batches
// of the same host interleaving there would judge the chain wrongly.
// (Several collector replicas on PostgreSQL will need a row lock instead.)
export class HostLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(hostId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(hostId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(hostId, tail);
    try {
      return await next;
    } finally {
      if (this.tails.get(hostId) === tail) this.tails.delete(hostId);
    }
  }
}
