//! Retry and time policy, as plain arithmetic so it is tested natively.
//!
//! GETs are retried on network errors and 408, 429, 500, 502, 503, 504 with
//! exponential backoff and jitter, honouring `Retry-After` up to a cap. A POST
//! is never retried: creating an order moves value and is not idempotent.

/// Default attempts after the first (the contract's `maxRetries`).
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Upper bound accepted for `maxRetries`.
pub const MAX_MAX_RETRIES: u32 = 10;
/// Default per-attempt time limit (the contract's `timeoutMs`).
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// Largest `timeoutMs` a timer can hold (2^31 - 1).
pub const MAX_TIMEOUT_MS: u32 = 2_147_483_647;
/// First backoff step.
pub const BACKOFF_BASE_MS: u64 = 300;
/// Backoff never grows past this.
pub const BACKOFF_CAP_MS: u64 = 8_000;
/// A `Retry-After` longer than this is not waited for: the error is returned at once.
pub const RETRY_AFTER_CAP_MS: u64 = 60_000;
/// Default pause between the polls of a wait (its `intervalMs`).
pub const DEFAULT_POLL_INTERVAL_MS: u32 = 3_000;
/// Default time limit of a whole wait (its `timeoutMs`; each poll's own
/// attempts are bounded by `pollTimeoutMs`, default [`DEFAULT_TIMEOUT_MS`]).
pub const DEFAULT_WAIT_TIMEOUT_MS: u32 = 600_000;
/// Added to a rate limiter's reset before the next poll: the window's edge
/// is the server's clock, not ours.
pub const RATE_LIMIT_MARGIN_MS: u32 = 250;
/// Default cap on a response body.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Delay before retry number `retry` (0-based): `base * 2^retry`, capped, times a
/// jitter factor in `[0.5, 1)` drawn from `unit` (a number in `[0, 1)`), so
/// clients that failed together do not come back together.
pub fn backoff_ms(retry: u32, unit: f64) -> u64 {
    let exponential = BACKOFF_BASE_MS
        .saturating_mul(1u64 << retry.min(20))
        .min(BACKOFF_CAP_MS);
    let factor = 0.5 + 0.5 * unit.clamp(0.0, 1.0);
    (exponential as f64 * factor) as u64
}

/// What to do after a retryable failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait this long, then try again.
    After(u64),
    /// Stop and return the error.
    GiveUp,
}

/// Decides the wait before retry number `retry` given the server's `Retry-After`
/// (already parsed to milliseconds from now). The server's delay wins over
/// backoff and gets no jitter; one past `retry_after_cap_ms` means giving up now.
pub fn decide(
    retry: u32,
    max_retries: u32,
    retry_after_ms: Option<u64>,
    retry_after_cap_ms: u64,
    unit: f64,
) -> RetryDecision {
    if retry >= max_retries {
        return RetryDecision::GiveUp;
    }
    match retry_after_ms {
        Some(ms) if ms > retry_after_cap_ms => RetryDecision::GiveUp,
        Some(ms) => RetryDecision::After(ms),
        None => RetryDecision::After(backoff_ms(retry, unit)),
    }
}

/// Parses `Retry-After`: delta-seconds (`"120"`) or an HTTP-date
/// (`"Wed, 21 Oct 2015 07:28:00 GMT"`), relative to `now_ms` (Unix ms).
/// A date in the past means "now" (0). Anything else is `None`.
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .unwrap_or(u64::MAX / 1000)
                .saturating_mul(1000),
        );
    }
    let at = parse_http_date(value)?;
    Some(at.saturating_sub(now_ms))
}

/// IMF-fixdate (RFC 9110 §5.6.7), the only form servers must send:
/// `Sun, 06 Nov 1994 08:49:37 GMT`. Returns Unix milliseconds.
fn parse_http_date(s: &str) -> Option<u64> {
    let (_, rest) = s.split_once(',')?;
    let rest = rest.strip_prefix(' ')?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as u64 + 1;
    let number = |t: &str, len: usize| {
        (t.len() == len && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u64>().ok())
            .flatten()
    };
    let (day, year) = (number(day, 2)?, number(year, 4)?);
    let hms: Vec<&str> = time.split(':').collect();
    let [h, m, sec] = hms.as_slice() else {
        return None;
    };
    let (h, m, sec) = (number(h, 2)?, number(m, 2)?, number(sec, 2)?);
    if !(1..=31).contains(&day) || year < 1970 || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let days = days_from_civil(year as i64, month, day);
    Some(((days as u64 * 24 + h) * 60 + m) * 60_000 + sec * 1000)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u64, d: u64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        assert_eq!(backoff_ms(0, 0.0), 150);
        assert_eq!(backoff_ms(0, 0.999_999), 299);
        assert_eq!(backoff_ms(1, 0.0), 300);
        assert_eq!(backoff_ms(2, 0.0), 600);
        assert_eq!(backoff_ms(10, 0.0), BACKOFF_CAP_MS / 2);
        assert!(backoff_ms(63, 1.0) <= BACKOFF_CAP_MS);
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = 1_445_412_480_000; // Wed, 21 Oct 2015 07:28:00 GMT
        assert_eq!(parse_retry_after("120", now), Some(120_000));
        assert_eq!(parse_retry_after(" 0 ", now), Some(0));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now),
            Some(5_000)
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(0)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 0),
            Some(784_111_777_000)
        );
        for bad in [
            "",
            "-1",
            "1.5",
            "soon",
            "Wed, 21 Oct 2015 07:28:00 CET",
            "21 Oct 2015",
            "Wed, 32 Oct 2015 07:28:00 GMT",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(u64::MAX / 1000 * 1000)
        );
    }

    #[test]
    fn decisions_honour_the_server_and_the_caps() {
        let cap = RETRY_AFTER_CAP_MS;
        assert_eq!(
            decide(0, 2, Some(2_000), cap, 0.3),
            RetryDecision::After(2_000)
        );
        assert_eq!(decide(0, 2, Some(cap + 1), cap, 0.3), RetryDecision::GiveUp);
        assert_eq!(decide(0, 2, Some(2_000), 1_000, 0.3), RetryDecision::GiveUp);
        assert_eq!(decide(0, 2, None, cap, 0.0), RetryDecision::After(150));
        assert_eq!(decide(2, 2, None, cap, 0.0), RetryDecision::GiveUp);
        assert_eq!(decide(0, 0, Some(0), cap, 0.0), RetryDecision::GiveUp);
    }
}
