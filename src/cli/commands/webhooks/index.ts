// `etphonehome webhooks deliveries|replay|test|watch`: the webhook delivery queue, through the
// GraphQL API — what was sent, what failed, sending dead letters again, a signed test delivery,
// and failures live.

import { createCommandGroup } from '../../command.js';
import { deliveriesCommand } from './deliveries.js';
import { replayCommand } from './replay.js';
import { testCommand } from './test.js';
import { watchCommand } from './watch.js';

export const webhooksCommand = createCommandGroup({
  name: 'webhooks',
  summary: 'webhook deliveries: deliveries | replay | test | watch',
  subcommands: [deliveriesCommand, replayCommand, testCommand, watchCommand],
  examples: ['deliveries --status failed', 'replay --failed --dry-run', 'test --client web-01'],
});
