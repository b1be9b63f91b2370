/**
 * The fault queue every emulator in the sandbox shares: tests add rules, each request
 * takes the first rule that matches it, and a rule with `times` is spent after that
 * many hits. What a rule matches and what the fault does stay with each emulator,
 * since only it knows the service's paths and error bodies.
 */
export interface FaultRuleBase {
  /** How many requests it hits before it is spent; unlimited when absent. */
  times?: number;
}

interface Active<R> {
  id: number;
  hits: number;
  rule: R;
}

export class FaultRules<R extends FaultRuleBase> {
  private active: Active<R>[] = [];
  private nextId = 1;

  /** Adds a rule after the existing ones; returns its id for `remove`. */
  add(rule: R): number {
    const id = this.nextId++;
    this.active.push({ id, hits: 0, rule: { ...rule } });
    return id;
  }

  remove(id: number): void {
    this.active = this.active.filter((entry) => entry.id !== id);
  }

  clear(): void {
    this.active = [];
  }

  /** The rules still in force, oldest first, as they were added. */
  list(): R[] {
    return this.active.map((entry) => ({ ...entry.rule }));
  }

  /** The first rule `matches` accepts, spending one of its hits. */
  takeFirst(matches: (rule: R) => boolean): R | undefined {
    const entry = this.active.find((candidate) => matches(candidate.rule));
    if (!entry) return undefined;
    entry.hits += 1;
    if (entry.rule.times !== undefined && entry.hits >= entry.rule.times) this.remove(entry.id);
    return entry.rule;
  }
}
