/**
 * The activity handler: it only dispatches. Messages go to the command table (or the active dialog), card actions
 * to the verb table, installs to the welcome card. State is written once at the end of every turn.
 */
import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotServices } from './botServices';
import { handleCardAction } from './cardActions/handleCardAction';
import { answerCardActionWithinBudget } from './resilience/cardActionDeadline';
import { runCommand } from './commands';
import { readCommandText } from './commandText';
import { isSignInRequiredError } from './signInRequiredError';
import { noteSignInNeeded, wasSignInNeeded } from './signInNeeded';
import { botWasAdded, forgetWelcome, welcomeOnce } from './welcome';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
const SIGN_IN_INVOKES: ReadonlySet<string> = new Set(['signin/tokenExchange', 'signin/verifyState', 'signin/failure']);

export class InterestsBot extends TeamsActivityHandler {
  constructor(private readonly services: BotServices) {
    super();
    this.onMessage(async (context, next) => {
      await this.runMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context.activity)) await welcomeOnce(context, services.state);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await welcomeOnce(context, services.state);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      if (context.activity.action === 'remove') await forgetWelcome(context, services.state);
      await next();
    });
  }

  /**
   * Universal Actions are answered here rather than through `onAdaptiveCardInvoke`: the base class uses the body's
   * `statusCode` as the HTTP status (so a 400 body would go out as HTTP 400) and reads `value.action.type` without
   * checking that `action` exists. Teams expects HTTP 200 with the status inside the body.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name } = context.activity;
    if (name === ADAPTIVE_CARD_ACTION) return { status: 200, body: await this.answerCardAction(context) };
    if (this.services.signIn && SIGN_IN_INVOKES.has(name ?? '')) return this.services.signIn.handleInvoke(context);
    return super.onInvokeActivity(context);
  }

  /** Within the deadline when one is configured: a slow Graph gets a "Saving…" card and the result follows. */
  private answerCardAction(context: TurnContext) {
    const { cardActionDeadline } = this.services;
    if (!cardActionDeadline) return handleCardAction(context, this.services);
    return answerCardActionWithinBudget(context, (turn) => handleCardAction(turn, this.services), cardActionDeadline);
  }

  /**
   * A message turn. When a Graph call in it found no token (thrown, or handled by a dialog that kept its step),
   * sign-in starts with the message remembered, and the sign-in flow replays it once the user is signed in.
   */
  private async runMessage(context: TurnContext): Promise<void> {
    const command = readCommandText(context.activity);
    const { signIn } = this.services;
    try {
      await runCommand(context, command, this.services);
    } catch (error) {
      if (!signIn || !isSignInRequiredError(error)) throw error;
      noteSignInNeeded(context);
    }
    if (signIn && wasSignInNeeded(context)) await signIn.begin(context, { kind: 'message', text: command.text });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.services.state.saveAll(context);
  }
}
