// Preloaded into the server, the agent and the CLI by `bench/tunnels.ts --v8-defaults`: runs them
// with V8's own heap settings, as before src/lib/v8-heap.ts, so that one run can compare both.
// The processes set V8's flags themselves once they run (v8.setFlagsFromString, nowhere else in
// src/); this preload makes those calls do nothing.
import v8 from 'node:v8';

v8.setFlagsFromString = () => undefined;
