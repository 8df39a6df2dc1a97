/**
 * The activity handler: it only dispatches. Messages go to the command registry (or the active dialog), card
 * actions to the card-action registry, installs to the welcome card. State is written once at the end of every turn.
 */
import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotServices } from '../conversation/botServices';
import { handleCardAction } from './handleCardAction';
import { runCommand } from './commands';
import { readCommandText } from '../conversation/commandText';
import { textOf } from '../conversation/turnText';
import { botWasAdded, forgetWelcome, welcomeOnce } from '../features/interests/welcome';

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
const SIGN_IN_INVOKES: ReadonlySet<string> = new Set(['signin/tokenExchange', 'signin/verifyState', 'signin/failure']);

export class InterestsBot extends TeamsActivityHandler {
  constructor(private readonly services: BotServices) {
    super();
    this.onMessage(async (context, next) => {
      await runCommand(context, readCommandText(context.activity), services);
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
    if (name === ADAPTIVE_CARD_ACTION) return { status: 200, body: await handleCardAction(context, this.services) };
    if (this.services.signIn && SIGN_IN_INVOKES.has(name ?? '')) return this.services.signIn.handleInvoke(textOf(context), context);
    return super.onInvokeActivity(context);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.services.state.saveAll(context);
  }
}
