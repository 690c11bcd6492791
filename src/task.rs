//! Running the exported async functions. wasm-bindgen's executor polls a woken
//! task on a later microtask, scheduled with `queueMicrotask`, which in workerd
//! is a native call costing ~4% of a small request (docs/performance.md). Here
//! a task woken outside any poll (by a promise settling, [`crate::promise`]) is
//! polled there and then, and a task woken or spawned while tasks are being
//! polled is polled right after them. A new task's first poll happens at once,
//! as a JS async function runs up to its first `await` when called.
//!
//! A poll can be cut off: by a trap (a bug), or by a JS exception thrown
//! through the wasm. The executor then still looks busy, so the next time it
//! is entered from the top of the JS stack ([`recover`]) it ends the task that
//! was cut off, rejecting its promise, and goes on with the others.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;

type Job = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

enum State {
    Free,
    Idle(Job),
    /// Out of its slot while it is polled, so it may spawn or wake tasks.
    Polling,
}

struct Slot {
    state: State,
    /// Tells this task from an earlier one in the same slot, whose wakers may linger.
    generation: u32,
    /// In `READY` already.
    queued: bool,
    /// Its promise reached the caller: a first poll cut off threw to the
    /// caller instead, and a promise nobody holds is not rejected.
    handed_out: bool,
    /// Its promise's `resolve` and `reject`, until it settles.
    settle: Option<(Function, Function)>,
    waker: Waker,
}

thread_local! {
    static TASKS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    static READY: RefCell<VecDeque<usize>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

struct TaskWaker {
    id: usize,
    generation: u32,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let fresh = TASKS.with(|tasks| match tasks.borrow_mut().get_mut(self.id) {
            Some(slot)
                if slot.generation == self.generation
                    && !slot.queued
                    && !matches!(slot.state, State::Free) =>
            {
                slot.queued = true;
                true
            }
            _ => false,
        });
        if fresh {
            READY.with(|ready| ready.borrow_mut().push_back(self.id));
            run();
        }
    }
}

/// Runs `future` as a task: a promise of its value, rejected with its error.
#[doc(hidden)]
pub fn spawn<F>(future: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    let mut settle = None;
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    if let Some(settle) = settle {
        if RUNNING.with(Cell::get) {
            // Spawned from inside a poll, it runs after it. Or a poll was cut
            // off, and only a later turn of the event loop can tell.
            crate::promise::at_next_microtask();
        }
        let (id, generation) = start(Box::pin(future), settle);
        TASKS.with(|tasks| match tasks.borrow_mut().get_mut(id) {
            Some(slot) if slot.generation == generation => slot.handed_out = true,
            _ => {}
        });
    }
    promise
}

fn start(job: Job, settle: (Function, Function)) -> (usize, u32) {
    let (id, generation) = TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        let free = tasks.iter().position(|s| matches!(s.state, State::Free));
        let id = free.unwrap_or(tasks.len());
        let generation = free.map_or(0, |id| tasks[id].generation.wrapping_add(1));
        let slot = Slot {
            state: State::Idle(job),
            generation,
            queued: true,
            handed_out: false,
            settle: Some(settle),
            waker: Waker::from(Arc::new(TaskWaker { id, generation })),
        };
        match free {
            Some(id) => tasks[id] = slot,
            None => tasks.push(slot),
        }
        (id, generation)
    });
    READY.with(|ready| ready.borrow_mut().push_back(id));
    run();
    (id, generation)
}

/// Polls the ready tasks until none is left, unless a poll further up the
/// stack is already doing so.
fn run() {
    if RUNNING.with(|running| running.replace(true)) {
        return;
    }
    while let Some(id) = READY.with(|ready| ready.borrow_mut().pop_front()) {
        let taken = TASKS.with(|tasks| {
            let mut tasks = tasks.borrow_mut();
            let slot = &mut tasks[id];
            slot.queued = false;
            match std::mem::replace(&mut slot.state, State::Polling) {
                State::Idle(job) => Some((job, slot.waker.clone())),
                other => {
                    slot.state = other;
                    None
                }
            }
        });
        let Some((mut job, waker)) = taken else {
            continue;
        };
        match job.as_mut().poll(&mut Context::from_waker(&waker)) {
            Poll::Pending => TASKS.with(|tasks| tasks.borrow_mut()[id].state = State::Idle(job)),
            Poll::Ready(outcome) => {
                drop(job);
                let settle = TASKS.with(|tasks| {
                    let slot = &mut tasks.borrow_mut()[id];
                    slot.state = State::Free;
                    slot.settle.take()
                });
                if let Some((resolve, reject)) = settle {
                    let _ = match outcome {
                        Ok(value) => resolve.call1(&JsValue::UNDEFINED, &value),
                        Err(error) => reject.call1(&JsValue::UNDEFINED, &error),
                    };
                }
            }
        }
    }
    RUNNING.with(|running| running.set(false));
}

/// Called where no poll can be under way: from a promise's callback, which
/// runs from the microtask queue. If a poll still looks under way, it was cut
/// off (`error`, when it is known, is what cut it). Its task is ended, its
/// promise rejected, and the tasks left ready are polled.
pub(crate) fn recover(error: Option<JsValue>) {
    if !RUNNING.with(|running| running.replace(false)) {
        return;
    }
    let cut_off: Vec<Function> = TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        let cut_off = tasks
            .iter_mut()
            .filter(|s| matches!(s.state, State::Polling));
        cut_off
            .filter_map(|slot| {
                slot.state = State::Free;
                let settle = slot.settle.take();
                settle.filter(|_| slot.handed_out).map(|(_, reject)| reject)
            })
            .collect()
    });
    if !cut_off.is_empty() {
        let error = error.unwrap_or_else(|| {
            js_sys::Error::new(
                "web3-orders: the call was cut off by an error thrown through it (a bug)",
            )
            .into()
        });
        for reject in cut_off {
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        }
    }
    run();
}
