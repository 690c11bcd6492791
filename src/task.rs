//! Running the exported async functions. wasm-bindgen's executor polls a woken
//! task on a later microtask, scheduled with `queueMicrotask`, which in workerd
//! is a native call costing ~4% of a small request (docs/performance.md). Here
//! a task woken outside any poll (by a promise settling, [`crate::promise`]) is
//! polled there and then, and a task woken or spawned while tasks are being
//! polled is polled right after them. A new task's first poll happens at once,
//! as a JS async function runs up to its first `await` when called.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Wake, Waker};

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;

type Job = Pin<Box<dyn Future<Output = ()>>>;

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
pub(crate) fn spawn<F>(future: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    let mut future = Some(future);
    let mut job: Option<Job> = None;
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        if let Some(future) = future.take() {
            job = Some(Box::pin(async move {
                let _ = match future.await {
                    Ok(value) => resolve.call1(&JsValue::UNDEFINED, &value),
                    Err(error) => reject.call1(&JsValue::UNDEFINED, &error),
                };
            }));
        }
    });
    if let Some(job) = job {
        start(job);
    }
    promise
}

fn start(job: Job) {
    let id = TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        let free = tasks.iter().position(|s| matches!(s.state, State::Free));
        let id = free.unwrap_or(tasks.len());
        let generation = free.map_or(0, |id| tasks[id].generation.wrapping_add(1));
        let slot = Slot {
            state: State::Idle(job),
            generation,
            queued: true,
            waker: Waker::from(Arc::new(TaskWaker { id, generation })),
        };
        match free {
            Some(id) => tasks[id] = slot,
            None => tasks.push(slot),
        }
        id
    });
    READY.with(|ready| ready.borrow_mut().push_back(id));
    run();
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
        let done = job
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_ready();
        let back = if done {
            drop(job);
            State::Free
        } else {
            State::Idle(job)
        };
        TASKS.with(|tasks| tasks.borrow_mut()[id].state = back);
    }
    RUNNING.with(|running| running.set(false));
}
