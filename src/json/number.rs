//! What JavaScript makes of a JSON number, from its digits alone.

/// The smallest magnitude that rounds to infinity as an IEEE double,
/// 2^1024 - 2^970 (the midpoint above `f64::MAX`; ties go to even, which is up).
const F64_OVERFLOW_DIGITS: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether the JSON number `text` (grammar already checked) stays finite as a
/// double, as `JSON.parse` reads it; from its digits alone, with no float
/// parsing (which would add kilobytes of wasm).
pub fn is_finite_in_js(text: &[u8]) -> bool {
    let text = text.strip_prefix(b"-").unwrap_or(text);
    let (mantissa, exponent) = match text.iter().position(|b| matches!(b, b'e' | b'E')) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, &b""[..]),
    };
    let (whole, fraction) = match mantissa.iter().position(|b| *b == b'.') {
        Some(at) => (&mantissa[..at], &mantissa[at + 1..]),
        None => (mantissa, &b""[..]),
    };
    // Saturating: beyond ±10^15 the verdict no longer changes.
    let (sign, digits) = match exponent.first() {
        Some(b'-') => (-1i64, &exponent[1..]),
        Some(b'+') => (1, &exponent[1..]),
        _ => (1, exponent),
    };
    let exp = sign
        * digits.iter().fold(0i64, |n, d| {
            (n * 10 + (d - b'0') as i64).min(1_000_000_000_000_000)
        });
    let significant: Vec<u8> = whole
        .iter()
        .chain(fraction)
        .copied()
        .skip_while(|d| *d == b'0')
        .collect();
    if significant.is_empty() {
        return true;
    }
    let leading_zeros = whole
        .iter()
        .chain(fraction)
        .take_while(|d| **d == b'0')
        .count() as i64;
    // The decimal exponent of the first significant digit.
    let first = whole.len() as i64 - 1 - leading_zeros + exp;
    match first {
        ..=307 => true,
        309.. => false,
        _ => {
            for i in 0..significant.len().max(F64_OVERFLOW_DIGITS.len()) {
                let (ours, limit) = (
                    significant.get(i).unwrap_or(&b'0'),
                    F64_OVERFLOW_DIGITS.get(i).unwrap_or(&b'0'),
                );
                if ours != limit {
                    return ours < limit;
                }
            }
            false
        }
    }
}
