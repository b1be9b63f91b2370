/**
 * Every request an emulator answered, numbered, for tests and benchmarks to count
 * calls and to read only what came after a mark (`lastSeq`). The newest `capacity`
 * entries are kept, so a long benchmark cannot grow it without bound.
 */
export class RequestLog<E extends { seq: number }> {
  private entries: E[] = [];
  private seq = 0;

  constructor(private readonly capacity = 100_000) {}

  add(entry: Omit<E, 'seq'>): E {
    this.seq += 1;
    const numbered = { ...entry, seq: this.seq } as E;
    this.entries.push(numbered);
    if (this.entries.length > this.capacity) {
      this.entries.splice(0, this.entries.length - this.capacity);
    }
    return numbered;
  }

  /** Entries after `afterSeq` (all when absent) that `keep` accepts, oldest first. */
  list(afterSeq?: number, keep?: (entry: E) => boolean): E[] {
    return this.entries.filter(
      (entry) => (afterSeq === undefined || entry.seq > afterSeq) && (!keep || keep(entry)),
    );
  }

  /** The number of the last request logged; entries after it are the next ones. */
  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
