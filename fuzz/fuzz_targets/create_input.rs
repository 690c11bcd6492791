//! The create-input reader (what the bindings and the Worker run on a POST
//! body) accepts exactly what serde's strict decoding of `NewExternalOrder`
//! accepts, but an empty array and structs written as arrays, and reads the
//! same orders. Nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use web3_orders::providers::license_rocks::{new_orders_from_json, NewExternalOrder};

/// serde's derive also reads a struct from an array of its fields in order
/// (`[405, 2, 1, 5]`); the API takes objects only, and so does the reader.
fn struct_as_array(text: &str) -> bool {
    let Ok(serde_json::Value::Array(orders)) = serde_json::from_str(text) else {
        return false;
    };
    orders
        .iter()
        .any(|o| o.is_array() || o.get("buyerBillingData").is_some_and(|b| b.is_array()))
}

fuzz_target!(|body: &[u8]| {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let ours = new_orders_from_json(text);
    let serde: Result<Vec<NewExternalOrder>, _> = serde_json::from_str(text);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Ok(b)) => assert!(
            b.is_empty() || struct_as_array(text),
            "the reader refused what serde reads: {ours:?}"
        ),
        (Ok(_), Err(e)) => panic!("the reader accepted what serde refuses: {e}"),
        (Err(_), Err(_)) => {}
    }
});
