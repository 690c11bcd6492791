//! Aborting and waiting: one signal for a call of several requests, and a
//! sleep a signal cuts short.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal};

use super::js_message;

#[wasm_bindgen]
extern "C" {
    // Globals, not `window.*`: present in browsers, workers, Node and workerd.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);

    // Read by a fixed name written into the glue: no key string per read.
    type Props;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn abort(this: &Props) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, structural, catch)]
    fn aborted(this: &Props) -> Result<JsValue, JsValue>;
}

/// Whether the caller's signal has aborted. The signal may be any object with
/// a boolean `aborted` and an `addEventListener`, so reading it may throw; one
/// that cannot be read or listened to counts as aborted, so the call stops
/// with a typed error instead of an exception thrown through the wasm.
pub(crate) fn is_aborted(signal: &AbortSignal) -> bool {
    props(signal).aborted().map_or(true, |a| a.is_truthy())
}

fn props(value: &JsValue) -> &Props {
    value.unchecked_ref()
}

/// One controller for a call of several requests: it aborts when the caller's
/// signal does, or when told to (the first failure stops the rest). Each
/// request's own deadline is set in the attempt helper above.
pub(crate) struct CallSignal {
    controller: AbortController,
    abort: Function,
    caller: Option<AbortSignal>,
}

impl CallSignal {
    pub(crate) fn start(caller: Option<&AbortSignal>) -> Result<CallSignal, String> {
        let controller = AbortController::new()
            .map_err(|e| format!("AbortController is unavailable ({})", js_message(&e)))?;
        let abort = props(&controller)
            .abort()
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("AbortController.abort is unavailable")?
            .bind0(&controller);
        if let Some(caller) = caller {
            // The abort event does not fire again for a signal already aborted.
            if is_aborted(caller)
                || caller
                    .add_event_listener_with_callback("abort", &abort)
                    .is_err()
            {
                controller.abort();
            }
        }
        Ok(CallSignal {
            controller,
            abort,
            caller: caller.cloned(),
        })
    }

    /// The signal to hand on.
    pub(crate) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Aborts now.
    pub(crate) fn abort(&self) {
        self.controller.abort();
    }

    /// Unhooks from the caller's signal.
    pub(crate) fn finish(&self) {
        if let Some(caller) = &self.caller {
            let _ = caller.remove_event_listener_with_callback("abort", &self.abort);
        }
    }
}

/// Waits `ms`, or less if `signal` aborts first; leaves no timer behind.
pub(super) async fn sleep(ms: u64, signal: Option<&AbortSignal>) {
    if signal.is_some_and(is_aborted) {
        return;
    }
    let mut parts = None;
    let promise = Promise::new(&mut |resolve, _| {
        let timer = set_timeout(&resolve, ms as f64);
        if let Some(signal) = signal {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
        parts = Some((timer, resolve));
    });
    let _ = crate::promise::settled(&promise).await;
    if let Some((timer, resolve)) = parts {
        clear_timeout(&timer);
        if let Some(signal) = signal {
            let _ = signal.remove_event_listener_with_callback("abort", &resolve);
        }
    }
}
