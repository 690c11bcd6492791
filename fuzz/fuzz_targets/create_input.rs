//! The create-input reader (what the bindings and the Worker run on a POST
//! body) accepts exactly what serde's decoding of the same strict
//! `NewExternalOrder` declaration accepts, but an empty array, and reads the
//! same orders; what it reads is written back as serde_json writes it.
//! Nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use web3_orders::providers::license_rocks::{
    new_orders_from_json, new_orders_json, NewExternalOrder,
};

fuzz_target!(|body: &[u8]| {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let ours = new_orders_from_json(text);
    let serde: Result<Vec<NewExternalOrder>, _> = serde_json::from_str(text);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b);
            assert_eq!(new_orders_json(a), serde_json::to_string(b).unwrap());
        }
        (Err(_), Ok(b)) => assert!(
            b.is_empty(),
            "the reader refused what serde reads: {ours:?}"
        ),
        (Ok(_), Err(e)) => panic!("the reader accepted what serde refuses: {e}"),
        (Err(_), Err(_)) => {}
    }
});
