// Confirmations for fleet-wide or destructive tool calls (docs/access.md, "Confirmations"): the
// one place that decides how a tool with a `confirm` declaration runs.
//
//   dry_run (or a plan of null: e.g. a write to a file that does not exist)  → runs at once
//   confirmation_token given   → the server checks it (same tool, same arguments, same API key,
//                                not expired, not used) and uses it up → runs; else
//                                CONFIRMATION_INVALID and nothing runs
//   a repeat of a keyed call (its idempotency key already held)  → runs (it cannot run twice)
//   the client declared `elicitation`  → the user is asked with the plan; accept → runs,
//                                decline/cancel → CONFIRMATION_DECLINED, nothing runs
//   otherwise                  → the plan and a confirmation_token; nothing runs
//
// Tokens are made and checked by the server (GraphQL confirmAction, src/fleet/confirmations.ts),
// so the stdio bridge and /mcp behave alike and a token works on every server of a cluster.

import { createHash } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ErrorCode } from '../errors.js';
import { MAX_CONFIRMATION_TOKEN_CHARS } from '../fleet/limits.js';
import { graphql } from '../generated/gql.js';
import { ToolError, type Executor, type RequestOptions } from './executor.js';
import { cleanData, cleanText, fence } from './untrusted.js';

/** What a confirmed call would do, shown to the user before anything happens. */
export interface ToolPlan {
  /** One or two sentences: what would happen (also the elicitation message). */
  summary: string;
  /** The clients it would act on. */
  targets: { client_id: string; online?: boolean | undefined }[];
  /** More of the tool's own output fields for the plan result (e.g. a dry run's). */
  data?: Record<string, unknown>;
}

/** What a confirmation needs of a tool's context (tool.ts's ToolContext has more). */
export interface ConfirmContext {
  executor: Executor;
  request: RequestOptions;
}

/** A tool's declaration that some of its calls need confirming (C: the tool's context). */
export interface ToolConfirm<A, C extends ConfirmContext = ConfirmContext> {
  /** True for calls that change nothing (dry_run): they run without confirmation. */
  skip?(args: A): boolean;
  /** The plan of this call, or null when this call needs no confirmation. */
  plan(args: A, ctx: C): Promise<ToolPlan | null>;
  /** What the token is bound to (default: the arguments); e.g. the resolved client, a hash. */
  bind?(args: A, ctx: C): Promise<Record<string, unknown>>;
  /** The call's idempotency key: a key already held makes the call a repeat. */
  idempotencyKey?(args: A): string | undefined;
}

export const CONFIRMATION_TOKEN_PARAM = 'confirmation_token';

/** The parameter every confirmed tool takes. */
export const confirmationTokenInput = z
  .string()
  .min(1)
  .max(MAX_CONFIRMATION_TOKEN_CHARS)
  .optional()
  .describe(
    'Only to confirm a planned call: the token its plan returned, with every other argument exactly as planned (single use, valid 5 minutes).',
  );

/** The fields a plan result adds to a confirmed tool's structured output. */
export const confirmationOutput = {
  confirmation_required: z
    .boolean()
    .optional()
    .describe('True: nothing ran; show plan to the user, then repeat with confirmation_token.'),
  confirmation_token: z.string().optional(),
  confirmation_expires_at: z.string().optional(),
  plan: z
    .object({
      summary: z.string(),
      targets: z.array(z.object({ client_id: z.string(), online: z.boolean().optional() })),
    })
    .optional(),
};

const ConfirmActionDocument = graphql(`
  mutation McpConfirmAction($input: ConfirmActionInput!) {
    confirmAction(input: $input) {
      confirmed
      repeat
      confirmationToken
      expiresAt
    }
  }
`);

/** How long the user has to answer an elicitation. */
const ELICITATION_TIMEOUT_MS = 5 * 60 * 1000;
/** Targets named in the elicitation message (all of them are in a token plan's data). */
const TARGETS_NAMED = 20;

/** The content of a write, bound by its hash (a token never carries 10 MiB). */
export function contentDigest(content: string): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

function describeTargets(plan: ToolPlan): string {
  if (plan.targets.length === 0) return 'No client matches: nothing would run.';
  const named = plan.targets
    .slice(0, TARGETS_NAMED)
    .map((t) => `${t.client_id}${t.online === false ? ' (offline)' : ''}`)
    .join(', ');
  const more =
    plan.targets.length > TARGETS_NAMED ? `, and ${plan.targets.length - TARGETS_NAMED} more` : '';
  return `On ${plan.targets.length} client(s): ${named}${more}.`;
}

/** Whether the connected client can ask its user (form elicitation). */
function canElicit(server: Server): boolean {
  const elicitation = server.getClientCapabilities()?.elicitation as
    { form?: unknown; url?: unknown } | undefined;
  if (!elicitation) return false;
  return elicitation.form !== undefined || elicitation.url === undefined;
}

export interface ConfirmCallOptions {
  toolName: string;
  confirm: ToolConfirm<Record<string, unknown>>;
  /** The call's arguments as validated, the token included. */
  args: Record<string, unknown>;
  ctx: ConfirmContext;
  server: Server;
  /** The tools/call request, so an elicitation travels on its stream. */
  requestId: string | number | undefined;
  signal: AbortSignal;
}

/**
 * Null when the call may run now (with the token left out of `args`); otherwise the result to
 * return instead (a plan with a token). Throws CONFIRMATION_INVALID or CONFIRMATION_DECLINED.
 */
export async function confirmCall(options: ConfirmCallOptions): Promise<CallToolResult | null> {
  const { toolName, confirm, ctx } = options;
  const { [CONFIRMATION_TOKEN_PARAM]: token, ...args } = options.args;
  if (confirm.skip?.(args)) return null;
  const ask = async (confirmationToken: string | null, idempotencyKey: string | null) => {
    const bound = confirm.bind ? await confirm.bind(args, ctx) : args;
    const { confirmAction } = await ctx.executor.request(
      ConfirmActionDocument,
      {
        input: { action: toolName, arguments: bound, confirmationToken, idempotencyKey },
      },
      ctx.request,
    );
    return confirmAction;
  };
  if (typeof token === 'string') {
    // Checked and used up by the server; a refusal is CONFIRMATION_INVALID saying why.
    await ask(token, null);
    return null;
  }
  const plan = await confirm.plan(args, ctx);
  if (!plan) return null;
  const answer = await ask(null, confirm.idempotencyKey?.(args) ?? null);
  if (answer.confirmed) return null;
  const targets = describeTargets(plan);
  if (canElicit(options.server)) {
    let action: string | null = null;
    try {
      const result = await options.server.elicitInput(
        {
          mode: 'form',
          message: cleanText(`${toolName}: ${plan.summary}\n${targets}\nAllow it?`, 8192),
          requestedSchema: { type: 'object', properties: {} },
        },
        {
          ...(options.requestId !== undefined ? { relatedRequestId: options.requestId } : {}),
          signal: options.signal,
          timeout: ELICITATION_TIMEOUT_MS,
        },
      );
      action = result.action;
    } catch {
      // The client could not ask (an error, no answer in time): fall back to a token plan.
      action = null;
    }
    if (action === 'accept') return null;
    if (action !== null)
      throw new ToolError(
        ErrorCode.confirmationDeclined,
        `The user ${action === 'decline' ? 'declined' : 'dismissed'} ${toolName} (${plan.summary}): nothing was run or changed. Do not retry unless the user asks for it.`,
      );
  }
  const data = cleanData({
    ...(plan.data ?? {}),
    confirmation_required: true,
    confirmation_token: answer.confirmationToken ?? '',
    confirmation_expires_at: answer.expiresAt ?? '',
    plan: { summary: plan.summary, targets: plan.targets },
  });
  return {
    content: [
      {
        type: 'text',
        text: [
          cleanText(
            `Confirmation needed; nothing was run or changed. ${toolName} would: ${plan.summary} ${targets} Show this plan to the user. If they agree, call ${toolName} again with exactly the same arguments plus confirmation_token "${answer.confirmationToken}" (valid until ${answer.expiresAt}, once). Any other argument, tool or API key is refused.`,
          ),
          fence('plan as JSON', JSON.stringify(data.plan, null, 2)),
        ].join('\n\n'),
      },
    ],
    structuredContent: data,
  };
}
