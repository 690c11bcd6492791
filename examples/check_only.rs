fn main() {
    let body = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    for _ in 0..5 {
        web3_orders::apis::license_rocks::check_reply(200, &body).unwrap();
    }
}
