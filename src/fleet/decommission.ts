// The guide's decommissioning in one call — stop the agent's service if asked (and the client
// is online), clear its webhook, mark it decommissioned and cut its link — and its undoing. The
// record and its history stay; a decommissioned client leaves the lists and may not connect.

import { named, nextStep, Operation } from '../errors.js';
import { redactSecrets } from '../lib/redact.js';
import type { RunCommandResult } from '../protocol/rpc.js';
import type { Store } from '../store/index.js';
import { actorOf, type Audit } from './audit.js';
import type { Caller } from './caller.js';
import type { ClientView } from './client-view.js';
import type { RunCommandInput } from './commands.js';
import { FleetEventType } from './event-types.js';
import { DEFAULT_STOP_COMMAND, MAX_REASON_CHARS, STOP_COMMAND_TIMEOUT_S } from './limits.js';
import { decommissionedNotice } from './notices.js';
import { failureOf, type OperationFailure } from './outcomes.js';
import type { Registry } from './registry.js';
import { bad, validateCommand } from './validation.js';

export interface DecommissionInput {
  /** Run `stopCommand` on the client first when it is online (default true). */
  stopService?: boolean | null | undefined;
  stopCommand?: string | null | undefined;
  reason?: string | null | undefined;
}

/** What decommissionClient's stop command did. */
export interface ServiceStop {
  result: RunCommandResult | null;
  error: OperationFailure | null;
}

export interface Decommissioned {
  client: ClientView;
  /** null when the stop command did not run (not asked, or the client was offline). */
  serviceStop: ServiceStop | null;
}

export interface DecommissionDeps {
  store: Store;
  audit: Audit;
  registry: Pick<Registry, 'resolve' | 'view' | 'linkOf'>;
  run(ref: string, input: RunCommandInput, caller: Caller): Promise<RunCommandResult>;
}

export function createDecommissioning(deps: DecommissionDeps) {
  const { store, audit, registry } = deps;

  return {
    async decommission(
      ref: string,
      input: DecommissionInput,
      caller: Caller,
    ): Promise<Decommissioned> {
      if ((input.reason?.length ?? 0) > MAX_REASON_CHARS)
        throw bad(`reason is at most ${MAX_REASON_CHARS} characters.`);
      const stopCommand = input.stopCommand ?? DEFAULT_STOP_COMMAND;
      const stop: RunCommandInput = { cmd: stopCommand, timeout: STOP_COMMAND_TIMEOUT_S };
      // Checked even when it will not run: a bad argument is refused, never ignored.
      validateCommand(stop);
      const target = await registry.resolve(ref);
      if (target.decommissionedAt) {
        const restore = nextStep(Operation.restoreClient, target);
        throw bad(
          `Client "${target.clientId}" was already decommissioned on ${target.decommissionedAt.toISOString()}. To bring it back: ${named(restore)}.`,
          undefined,
          [restore],
        );
      }
      let serviceStop: ServiceStop | null = null;
      if ((input.stopService ?? true) && registry.linkOf(target.uuid)) {
        try {
          serviceStop = { result: await deps.run(target.uuid, stop, caller), error: null };
        } catch (error) {
          serviceStop = { result: null, error: failureOf(error) };
        }
      }
      const client = await registry.resolve(target.uuid);
      const changes = { webhookUrl: null, decommissionedAt: new Date() };
      await store.clients.update(client.uuid, changes);
      await audit.record(
        FleetEventType.decommissioned,
        client.uuid,
        {
          reason: input.reason ?? null,
          webhook_cleared: client.webhookUrl !== null,
          stop_command: serviceStop ? redactSecrets(stopCommand) : null,
          stop_exit_code: serviceStop?.result?.returncode ?? null,
          stop_error: serviceStop?.error?.code ?? null,
        },
        actorOf(caller),
      );
      registry.linkOf(client.uuid)?.close('decommissioned', decommissionedNotice(client.clientId));
      return { client: registry.view({ ...client, ...changes }), serviceStop };
    },

    /** Undoes decommissioning: the client may connect again and appears in lists. */
    async restore(ref: string, caller: Caller): Promise<ClientView> {
      const client = await registry.resolve(ref);
      if (!client.decommissionedAt)
        throw bad(`Client "${client.clientId}" is not decommissioned; nothing to restore.`);
      await store.clients.update(client.uuid, { decommissionedAt: null });
      await audit.record(FleetEventType.restored, client.uuid, {}, actorOf(caller));
      return registry.view({ ...client, decommissionedAt: null });
    },
  };
}
