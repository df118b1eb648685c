// When each client's next heartbeat is due, kept in slots of time with one timer for them all.
//
//   after(27.3 s, beat) ──▶ slot ⌈(now + 27.3 s) / slot⌉ ──▶ the timer fires at the earliest slot
//                                                           and runs every task due by then
//
// A timer per client spreads 10,000 beats over 10,000 wake-ups of the event loop, each writing one
// request and reading one reply on its own. Rounded up to a slot (a hundredth of the interval, at
// most 100 ms), the beats due together go out in one turn, their requests flushed together and
// their replies read in few wake-ups. A task never runs before its delay, and at most one slot
// after it (later only when the event loop itself is late). Time is the monotonic clock: a change
// of the wall clock moves no beat.

import { beatSlotMs } from '../protocol/call-line.js';

/** Cancels a task that has not run yet; a no-op after it ran. */
export type CancelTask = () => void;

export interface BeatWheel {
  /** Runs `task` once, no sooner than `delayMs` from now. */
  after(delayMs: number, task: () => void): CancelTask;
  /** Drops every pending task and the timer. */
  stop(): void;
}

/**
 * The slot for beats every `intervalMs`: a hundredth of it, from 10 ms to 100 ms — the slot an
 * agent that beats by itself rounds its beats to as well (../protocol/call-line.ts).
 */
export const slotFor = beatSlotMs;

/** A task that throws fails as a timer's callback would, after the others of its slot ran. */
function runTask(task: () => void): void {
  try {
    task();
  } catch (error) {
    setImmediate(() => {
      throw error;
    });
  }
}

/** `now` is a monotonic clock in milliseconds (tests pass their own). */
export function createBeatWheel(
  slotMs: number,
  now: () => number = () => performance.now(),
): BeatWheel {
  const slots = new Map<number, Set<() => void>>();
  let timer: NodeJS.Timeout | undefined;
  let armedFor = Infinity; // the slot the timer fires for

  const arm = (slot: number): void => {
    if (timer !== undefined && armedFor <= slot) return;
    clearTimeout(timer);
    armedFor = slot;
    timer = setTimeout(fire, Math.max(0, slot * slotMs - now()));
    timer.unref();
  };

  function fire(): void {
    timer = undefined;
    armedFor = Infinity;
    const current = Math.floor(now() / slotMs);
    // Usually one slot is due; the keys are not copied (hundreds of future slots at 10,000 agents).
    const due: number[] = [];
    for (const slot of slots.keys()) if (slot <= current) due.push(slot);
    if (due.length > 1) due.sort((a, b) => a - b);
    for (const slot of due) {
      const tasks = slots.get(slot);
      slots.delete(slot);
      for (const task of tasks ?? []) runTask(task);
    }
    let next = Infinity;
    for (const slot of slots.keys()) if (slot < next) next = slot;
    if (next !== Infinity) arm(next);
  }

  return {
    after(delayMs, task) {
      const slot = Math.ceil((now() + Math.max(0, delayMs)) / slotMs);
      let tasks = slots.get(slot);
      if (tasks === undefined) slots.set(slot, (tasks = new Set()));
      // A wrapper of its own, so the same function scheduled twice is two tasks.
      const once = (): void => task();
      tasks.add(once);
      arm(slot);
      return () => {
        const pending = slots.get(slot);
        if (pending?.delete(once) && pending.size === 0) slots.delete(slot);
      };
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      armedFor = Infinity;
      slots.clear();
    },
  };
}
