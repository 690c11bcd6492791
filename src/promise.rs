//! Awaiting a JS promise from Rust. wasm-bindgen's `JsFuture` makes two
//! closures for every await (each registered with a `FinalizationRegistry`,
//! then torn down); here one callback, made once, settles every await by its
//! slot number.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/promise.js")]
extern "C" {
    #[wasm_bindgen(js_name = settleInto)]
    fn settle_into(promise: &Promise, id: u32, settle: &JsValue);
}

/// One await's state.
enum Slot {
    Free,
    Waiting(Option<Waker>),
    Settled(Result<JsValue, JsValue>),
    /// Its future was dropped first: freed when the promise settles, so the
    /// number is never reused while a callback for it is pending.
    Abandoned,
}

thread_local! {
    static SLOTS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    static SETTLE: Closure<dyn Fn(u32, JsValue, bool)> = Closure::new(settle);
}

/// The id with which `settleInto` hands back an exception thrown through a
/// callback's poll (src/promise.js).
const CUT_OFF: u32 = u32::MAX;

fn settle(id: u32, value: JsValue, fulfilled: bool) {
    // A promise's callback runs from the microtask queue, with no poll under way.
    if id == CUT_OFF {
        return crate::task::recover(Some(value));
    }
    crate::task::recover(None);
    let waker = SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        let slot = slots.get_mut(id as usize)?;
        match std::mem::replace(slot, Slot::Free) {
            Slot::Waiting(waker) => {
                *slot = Slot::Settled(if fulfilled { Ok(value) } else { Err(value) });
                waker
            }
            // Abandoned: now free. (Free or Settled cannot be settled again:
            // a promise calls one of its two callbacks, once.)
            _ => None,
        }
    });
    if let Some(waker) = waker {
        waker.wake();
    }
}

/// Has the executor look again at the next microtask ([`crate::task::recover`]).
pub(crate) fn at_next_microtask() {
    drop(settled(&Promise::resolve(&JsValue::UNDEFINED)));
}

/// `promise`'s outcome: its value, or what it rejected with.
pub fn settled(promise: &Promise) -> Settled {
    let id = SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        let id = match slots.iter().position(|s| matches!(s, Slot::Free)) {
            Some(id) => id,
            None => {
                slots.push(Slot::Free);
                slots.len() - 1
            }
        };
        slots[id] = Slot::Waiting(None);
        id as u32
    });
    SETTLE.with(|callback| settle_into(promise, id, callback.as_ref()));
    Settled { id, done: false }
}

/// The future of [`settled`].
#[derive(Debug)]
pub struct Settled {
    id: u32,
    /// Its outcome was taken, and its slot freed (perhaps reused since).
    done: bool,
}

impl Future for Settled {
    type Output = Result<JsValue, JsValue>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        SLOTS.with(|slots| {
            let mut slots = slots.borrow_mut();
            let slot = &mut slots[self.id as usize];
            match std::mem::replace(slot, Slot::Free) {
                Slot::Settled(outcome) => {
                    self.done = true;
                    Poll::Ready(outcome)
                }
                _ => {
                    *slot = Slot::Waiting(Some(cx.waker().clone()));
                    Poll::Pending
                }
            }
        })
    }
}

impl Drop for Settled {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        SLOTS.with(|slots| {
            let mut slots = slots.borrow_mut();
            let slot = &mut slots[self.id as usize];
            if matches!(slot, Slot::Waiting(_)) {
                *slot = Slot::Abandoned;
            } else {
                *slot = Slot::Free;
            }
        });
    }
}
