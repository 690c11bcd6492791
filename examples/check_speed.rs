fn main() {
    let path = std::env::args().nth(1).expect("a JSON file");
    let body = std::fs::read(path).unwrap();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        web3_orders::apis::license_rocks::check_reply(200, &body).unwrap();
        let check = t.elapsed();
        let t = std::time::Instant::now();
        web3_orders::apis::license_rocks::interpret_reply(200, &body).unwrap();
        let decode = t.elapsed();
        let t = std::time::Instant::now();
        let _: serde::de::IgnoredAny = serde_json::from_slice(&body).unwrap();
        let ignore = t.elapsed();
        let mb = body.len() as f64 / 1e6;
        println!("{mb:.1} MB: check {:?} ({:.0} MB/s), decode {:?}, ignore-only {:?}", check, mb / check.as_secs_f64(), decode, ignore);
    }
}
