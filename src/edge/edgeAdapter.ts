import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * `CloudAdapter` whose request processing can be called with an activity the server has already read and checked.
 * `CloudAdapter.process` parses the body again, writes every failure (each refused token included) to the console
 * with its stack and echoes the error's message in the response; the server answers those itself, with one log
 * line and a fixed body. `processActivity` (authentication, the turn, the invoke or expect-replies answer) is the
 * SDK's own extension point for this.
 */
export class EdgeCloudAdapter extends CloudAdapter {
  processCheckedActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
