import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** A middleware that hands the request on to the next one in the chain. */
export abstract class ChainedMiddleware implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  abstract execute(context: Context): Promise<void>;

  protected async executeNext(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} must not be last in the middleware chain.`);
    await this.next.execute(context);
  }
}
