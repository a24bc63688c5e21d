// One place where every reported path passes: the caller's ignore rule is
// applied here, and the bursts the kernel produces for a single save (several
// inotify events per path, plus chokidar's own events for the same path) are
// folded into one call per path per event-loop turn. Nothing is delayed past
// the current turn, so coalescing costs no latency.

export class ChangeBatch {
  private pending = new Set<string>();
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly ignored: (path: string) => boolean,
    private readonly deliver: (path: string) => void,
  ) {}

  add(path: string): void {
    if (this.closed || this.ignored(path)) return;
    this.pending.add(path);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  close(): void {
    this.closed = true;
    this.pending.clear();
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Set();
    for (const path of batch) {
      if (this.closed) return;
      this.deliver(path);
    }
  }
}
