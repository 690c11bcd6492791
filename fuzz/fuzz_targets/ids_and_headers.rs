//! Id checks and `Retry-After` parsing take any text: ids come back positive,
//! within 2^53 - 1, distinct and in the order first given; a delta-seconds wait
//! is exactly its seconds; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use web3_orders::checks::{is_header_safe, uuid_order_id as uuid};
use web3_orders::policy::parse_retry_after;
use web3_orders::providers::license_rocks::ids::{license_rocks_ids, IdInput};
use web3_orders::Provider;

fuzz_target!(|body: &[u8]| {
    let text = String::from_utf8_lossy(body);
    let inputs: Vec<IdInput> = text
        .split(',')
        .map(|id| IdInput::Text(id.to_owned()))
        .collect();
    if let Ok(ids) = license_rocks_ids(&inputs) {
        assert!(ids
            .iter()
            .all(|id| (1..=9_007_199_254_740_991).contains(id)));
        let mut seen = std::collections::HashSet::new();
        assert!(ids.iter().all(|id| seen.insert(*id)), "repeats");
        let first: Vec<u64> = inputs
            .iter()
            .map(|i| match i {
                IdInput::Text(t) => t.trim_start_matches('0').parse::<u64>().unwrap(),
                _ => unreachable!(),
            })
            .fold(Vec::new(), |mut out, id| {
                if !out.contains(&id) {
                    out.push(id);
                }
                out
            });
        assert_eq!(ids, first);
    }
    for line in text.lines() {
        let now = 1_700_000_000_000;
        if let Some(ms) = parse_retry_after(line, now) {
            let trimmed = line.trim();
            if trimmed.bytes().all(|b| b.is_ascii_digit()) {
                let seconds = trimmed.parse::<u64>().unwrap_or(u64::MAX / 1000);
                assert_eq!(ms, seconds.saturating_mul(1000));
            }
        }
        let _ = is_header_safe(line);
        let _ = uuid(Provider::Namefi, line);
    }
});
