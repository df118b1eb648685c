// Rate-limit permits for the gate (./gate.ts): every operation that reaches an agent takes one.
// A client held by this server takes it from this server's limiter; a client another server
// holds, from the holder's (agent-link.ts: HolderLimiter), so its limits count once, fleet-wide.
// Breaches are recorded here, on the server the request arrived at, with the caller's name.
// A routed call takes its permit with the call itself (`permittedCall`): one round trip.

import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { RpcMethods } from '../protocol/rpc.js';
import type { ClientRecord, Store } from '../store/index.js';
import type { AgentLink, HolderLimiter, LimiterAnswer, LinkCallOptions } from './agent-link.js';
import { actorOf, type Audit } from './audit.js';
import type { Caller } from './caller.js';
import { FleetEventType } from './event-types.js';
import { mapAgentFailure } from './failures.js';
import {
  createRateLimiter,
  type RateLimitBreach,
  type RateLimitFigures,
  type RateLimits,
} from './rate-limit.js';
import { loadBreachHistory } from './rate-limit-history.js';
import { effectiveRateLimits, type RateLimitDefaults } from './settings.js';

export interface PermitsDeps {
  store: Store;
  audit: Audit;
  rateLimitDefaults: RateLimitDefaults;
  logger: Logger;
  /** Records a refused operation (operation.refused). */
  refused: (
    client: ClientRecord,
    caller: Caller,
    data: Record<string, unknown>,
  ) => Promise<unknown>;
}

/** A call of an agent method through `link`, for `client`, on behalf of `caller`. */
export type ClientCall = <M extends keyof RpcMethods>(
  link: AgentLink,
  client: ClientRecord,
  caller: Caller,
  method: M,
  params: RpcMethods[M]['params'],
  options: LinkCallOptions,
) => Promise<RpcMethods[M]['result']>;

export function createPermits(deps: PermitsDeps) {
  const { audit, logger, refused } = deps;
  const limiter = createRateLimiter({
    onBreach(uuid, breach, limits, enforced) {
      logger.warn(
        { uuid, breach, rpm: limits.rpm, concurrent: limits.concurrent, mode: limits.mode },
        enforced ? 'rate limit: request refused' : 'rate limit exceeded (warn mode: request runs)',
      );
    },
  });
  const history = loadBreachHistory(deps.store, limiter, logger);

  /** Records one rate-limit breach (client.rate_limited), warned or refused. */
  async function recordBreach(
    client: ClientRecord,
    operation: string,
    limit: RateLimitBreach,
    limits: RateLimitDefaults,
    enforced: boolean,
    caller: Caller,
    figures: RateLimitFigures,
  ): Promise<void> {
    await audit.record(
      FleetEventType.rateLimited,
      client.uuid,
      {
        limit,
        enforced,
        mode: limits.mode,
        operation,
        requests_per_minute: figures.requestsPerMinute,
        current_concurrent: figures.currentConcurrent,
        rpm_limit: limits.rpm,
        concurrent_limit: limits.concurrent,
      },
      actorOf(caller),
    );
  }

  /** This server's limiter, as a link to another server offers its holder's (agent-link.ts). */
  const local: HolderLimiter = {
    async acquire(uuid, clientName, limits): Promise<LimiterAnswer> {
      await history;
      try {
        const permit = limiter.acquire(uuid, clientName, limits);
        return { permit, refusal: null, figures: limiter.figures(uuid) };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== ErrorCode.rateLimited) throw error;
        return { permit: null, refusal: error, figures: limiter.figures(uuid) };
      }
    },
  };

  /**
   * A rate-limit permit for one operation on `client`, breaches recorded here (the server the
   * request arrived at), from the limiter of the server holding the client: limits count once.
   */
  async function permit(
    client: ClientRecord,
    link: AgentLink,
    operation: string,
    caller: Caller,
  ): Promise<() => void> {
    const limits = effectiveRateLimits(client, deps.rateLimitDefaults);
    let answer: LimiterAnswer;
    try {
      answer = await (link.limiter ?? local).acquire(client.uuid, client.clientId, limits);
    } catch (error) {
      // The holder cannot be asked: the same error a call through its link would give.
      throw mapAgentFailure(error, client.clientId, operation);
    }
    try {
      await recordAnswer(client, operation, limits, caller, answer);
    } catch (error) {
      answer.permit?.release();
      throw error;
    }
    if (!answer.permit) throw answer.refusal;
    return answer.permit.release;
  }

  /** Records a limiter's answer: a refusal's breach and refused operation, a permit's breaches. */
  async function recordAnswer(
    client: ClientRecord,
    operation: string,
    limits: RateLimits,
    caller: Caller,
    { permit: taken, refusal, figures }: LimiterAnswer,
  ): Promise<void> {
    if (!taken) {
      const limit = refusal?.details?.['limit'] as RateLimitBreach;
      await recordBreach(client, operation, limit, limits, true, caller, figures);
      await refused(client, caller, {
        operation,
        code: ErrorCode.rateLimited,
        ...refusal?.details,
      });
      return;
    }
    for (const breach of taken.breaches)
      await recordBreach(client, operation, breach, limits, false, caller, figures);
  }

  /**
   * One call with its permit. Through a link to another server the holder takes the permit with
   * the call (one round trip, not two); what it answered is recorded here meanwhile — a record
   * that fails is logged, not thrown, as the call may already have run.
   */
  const permittedCall: ClientCall = async (link, client, caller, method, params, options) => {
    if (!link.limiter) {
      const release = await permit(client, link, method, caller);
      try {
        return await link.call(method, params, options);
      } finally {
        release();
      }
    }
    const limits = effectiveRateLimits(client, deps.rateLimitDefaults);
    let recorded: Promise<void> = Promise.resolve();
    const answered = (answer: LimiterAnswer): void => {
      recorded = recordAnswer(client, method, limits, caller, answer).catch((error: unknown) =>
        logger.error({ err: error, clientId: client.clientId }, 'rate-limit answer not recorded'),
      );
    };
    try {
      const permit = { clientName: client.clientId, limits, answered };
      return await link.call(method, params, { ...options, permit });
    } finally {
      await recorded;
    }
  };

  return {
    permit,
    permittedCall,
    /** A permit from this server's limiter, for a peer server's request (cluster/peer-door.ts). */
    acquireLocal: local.acquire,
    /** The client's rate-limit counters now (those recorded before this process included). */
    async figures(uuid: string): Promise<RateLimitFigures> {
      await history;
      return limiter.figures(uuid);
    },
    /** Operations on the client holding a permit now (a drain waits for none). */
    inFlight(uuid: string): number {
      return limiter.figures(uuid).currentConcurrent;
    },
  };
}

export type Permits = ReturnType<typeof createPermits>;
