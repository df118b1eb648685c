// Every tool, in the order the guide introduces them. Adding a tool = one file beside this one
// and one line here.

import type { AnyTool } from '../tool.js';
import { acceptKey } from './accept-key.js';
import { configureClient } from './configure-client.js';
import { decommissionClient } from './decommission-client.js';
import { describeClient } from './describe-client.js';
import { findClient } from './find-client.js';
import { downloadFile } from './download-file.js';
import { fleetHealth } from './fleet-health.js';
import { getClientMetrics } from './get-client-metrics.js';
import { getRateLimitStats } from './get-rate-limit-stats.js';
import { listClients } from './list-clients.js';
import { listFiles } from './list-files.js';
import { readFile } from './read-file.js';
import { runBulkCommand } from './run-bulk-command.js';
import { runCommand } from './run-command.js';
import { selectClient } from './select-client.js';
import { shellClose } from './shell-close.js';
import { shellList } from './shell-list.js';
import { shellOpen } from './shell-open.js';
import { shellRead } from './shell-read.js';
import { shellSend } from './shell-send.js';
import { updateClient } from './update-client.js';
import { uploadFile } from './upload-file.js';
import { writeFile } from './write-file.js';

export const tools: readonly AnyTool[] = [
  listClients,
  findClient,
  describeClient,
  updateClient,
  selectClient,
  configureClient,
  getRateLimitStats,
  acceptKey,
  decommissionClient,
  runCommand,
  runBulkCommand,
  readFile,
  writeFile,
  listFiles,
  uploadFile,
  downloadFile,
  getClientMetrics,
  fleetHealth,
  shellOpen,
  shellSend,
  shellRead,
  shellList,
  shellClose,
];
