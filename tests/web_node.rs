//! The four exported functions in Node, against the simulator over HTTP.
//! Run by `wasm-pack test --node -- --test web_node` with SIM_URL set.
#![cfg(target_arch = "wasm32")]

const IN_BROWSER: bool = false;

#[path = "web/mod.rs"]
mod web;
