//! Native speed of the check pass against full decoding and plain skipping:
//! `cargo run --release --example check_speed [file.json]` (a License.rocks GET
//! reply; by default the documented one, its orders repeated to ~8 MB). `ROUNDS=n`
//! repeats the measurement n times (default 3): take the fastest on a noisy host.

fn main() {
    let body = match std::env::args().nth(1) {
        Some(path) => std::fs::read(path).expect("a readable JSON file"),
        None => {
            let text = include_str!("../tests/fixtures/license-rocks/get-orders.200.json");
            let mut reply: serde_json::Value = serde_json::from_str(text).unwrap();
            let template = reply["orders"][0].clone();
            let orders: Vec<serde_json::Value> = (1..=2000)
                .map(|id| {
                    let mut order = template.clone();
                    order["id"] = id.into();
                    order
                })
                .collect();
            reply["orders"] = orders.into();
            serde_json::to_vec(&reply).unwrap()
        }
    };
    let mb = body.len() as f64 / 1e6;
    for _ in 0..std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
    {
        let t = std::time::Instant::now();
        web3_orders::providers::license_rocks::check_reply(200, &body).expect("the body checks");
        let check = t.elapsed();
        let t = std::time::Instant::now();
        web3_orders::providers::license_rocks::interpret_reply(200, &body)
            .expect("the body decodes");
        let decode = t.elapsed();
        let t = std::time::Instant::now();
        let _: serde::de::IgnoredAny = serde_json::from_slice(&body).unwrap();
        let skip = t.elapsed();
        println!(
            "{mb:.1} MB: check {check:?} ({:.0} MB/s), decode {decode:?}, skip only {skip:?}",
            mb / check.as_secs_f64()
        );
    }
}
