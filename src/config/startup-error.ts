/** A start-up problem the operator can fix; `main` prints its one-line message and exits 1. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
