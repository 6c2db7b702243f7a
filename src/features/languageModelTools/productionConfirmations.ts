// Which production calls the user was asked to confirm. VS Code calls prepareInvocation, shows its confirmation,
// and calls invoke only once the user agreed; invoke gets no handle on that prepare, so the same tool, input and
// environment are matched here. A call nobody was asked about is never confirmed.
export class ProductionConfirmations {
  /** Oldest first; a prepare is not always followed by an invoke, so only the latest few are kept. */
  private readonly asked: string[] = [];

  constructor(private readonly capacity = 16) {}

  static keyOf(toolName: string, environmentId: string, input: unknown): string {
    return `${toolName}\n${environmentId}\n${JSON.stringify(input ?? {})}`;
  }

  remember(key: string): void {
    this.asked.push(key);
    if (this.asked.length > this.capacity) this.asked.shift();
  }

  /** Whether the user was asked about this call; each confirmation serves one invocation. */
  take(key: string): boolean {
    const index = this.asked.indexOf(key);
    if (index < 0) return false;
    this.asked.splice(index, 1);
    return true;
  }
}
