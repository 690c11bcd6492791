//! Shared by `web_node.rs` and `web_browser.rs`: the contract, exercised through
//! the exported functions exactly as JavaScript calls them, against the
//! simulator over HTTP. One file per concern; `support` holds what they share.

mod errors;
mod executor;
mod input;
mod orders;
mod retries;
mod safety;
mod support;
mod time;
