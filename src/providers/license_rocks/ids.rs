//! License.rocks ids as callers give them: checked, deduplicated in the order
//! first asked for, and split into URLs of bounded length.

use super::placement::sort_pairs;
use crate::checks::truncate;
use crate::error::{Error, Provider};
use crate::json::quote;
use crate::wire::MAX_SAFE_INTEGER;

/// One id as the caller gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum IdInput {
    /// A JavaScript number.
    Number(f64),
    /// A string.
    Text(String),
    /// Anything else, described for the error message ("a boolean", "null", …).
    Other(&'static str),
}

/// Longest URL the License.rocks GET builds; longer id lists are split.
/// Conservative: proxies commonly refuse request lines past 4-8 KiB.
pub const MAX_URL_LENGTH: usize = 2_000;
/// Most ids one `getExternalOrders` call takes (~100 GETs of long URLs): a
/// bound on what a call may allocate, far above any real order lookup.
pub const MAX_IDS: usize = 100_000;
/// License.rocks GETs in flight at once for one call.
pub const MAX_CONCURRENT_REQUESTS: usize = 4;
/// Ids per request of `iterExternalOrders`: one GET each, whatever the ids' length.
pub const ITERATION_BATCH_IDS: usize = 100;
/// Batches `iterExternalOrders` fetches ahead of the one being read: what
/// bounds its memory (this many batches of orders at most).
pub const ITERATION_BATCHES_AHEAD: usize = 3;
/// Most ids `iterExternalOrders` takes. It holds the distinct ids (not the
/// orders) for the whole iteration, and reads them [`MAX_IDS`] at a time.
pub const MAX_ITERATED_IDS: usize = 10_000_000;

/// Checks License.rocks ids (positive safe integers or digit strings), drops
/// repeats and returns them in the order first asked for.
pub fn license_rocks_ids(ids: &[IdInput]) -> Result<Vec<u64>, Error> {
    check_id_count(ids.len())?;
    distinct_ids(ids, 0)
}

/// The checked, distinct ids of `ids`, a part of a longer list starting at
/// index `first_index` (which error messages count from).
pub fn distinct_ids(ids: &[IdInput], first_index: usize) -> Result<Vec<u64>, Error> {
    let mut values = Vec::with_capacity(ids.len());
    for (index, id) in ids.iter().enumerate() {
        values.push(parse_id(id).map_err(|why| {
            Error::invalid_input(
                Provider::LicenseRocks,
                format!("licenseRocks: ids[{}] {why}; ids are positive integers up to 2^53 - 1, as numbers or digit strings", first_index + index),
            )
        })?);
    }
    // Sorting (value, position) finds each value's first position in n log n.
    let mut order: Vec<(u64, u64)> = values.iter().copied().zip(0..).collect();
    sort_pairs(&mut order);
    let mut first = vec![false; values.len()];
    for (i, (value, position)) in order.iter().enumerate() {
        if i == 0 || order[i - 1].0 != *value {
            first[*position as usize] = true;
        }
    }
    let out: Vec<u64> = values
        .iter()
        .zip(&first)
        .filter(|(_, first)| **first)
        .map(|(v, _)| *v)
        .collect();
    Ok(out)
}

/// Refuses more than [`MAX_IDS`] ids; callers holding a JS array check its
/// length with this before copying it.
pub fn check_id_count(count: usize) -> Result<(), Error> {
    check_count(count, MAX_IDS, "a call")
}

/// Refuses more than [`MAX_ITERATED_IDS`] ids for one iteration.
pub fn check_iterated_id_count(count: usize) -> Result<(), Error> {
    check_count(count, MAX_ITERATED_IDS, "an iteration")
}

fn check_count(count: usize, max: usize, per: &str) -> Result<(), Error> {
    if count > max {
        return Err(Error::invalid_input(
            Provider::LicenseRocks,
            format!("licenseRocks: ids holds {count} ids; at most {max} {per}"),
        ));
    }
    Ok(())
}

fn parse_id(id: &IdInput) -> Result<u64, String> {
    let max = MAX_SAFE_INTEGER as u64;
    match id {
        IdInput::Number(n) => {
            if n.fract() != 0.0 || !n.is_finite() || *n < 1.0 || *n > max as f64 {
                Err(format!("is {}", describe_number(*n)))
            } else {
                Ok(*n as u64)
            }
        }
        IdInput::Text(s) => {
            if s.is_empty() || s.len() > 32 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "is the string {}, which is not made of digits only",
                    quote(&truncate(s))
                ));
            }
            match s.parse::<u64>() {
                Ok(v) if (1..=max).contains(&v) => Ok(v),
                _ => Err(format!(
                    "is the string {}, which is not in 1..=2^53 - 1",
                    quote(&truncate(s))
                )),
            }
        }
        IdInput::Other(kind) => Err(format!("is {kind}")),
    }
}

/// Without float formatting, which would add ~15 KB to the wasm.
fn describe_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if n.fract() != 0.0 {
        "a number with a fraction".to_owned()
    } else if n.abs() < 1e18 {
        format!("the number {}", n as i64)
    } else {
        "a number beyond 2^53 - 1".to_owned()
    }
}

/// Splits ids into groups whose URL (`prefix` + comma-joined ids) stays within
/// [`MAX_URL_LENGTH`]; each group holds at least one id.
pub fn split_for_url(prefix_len: usize, ids: &[u64]) -> Vec<Vec<u64>> {
    let budget = MAX_URL_LENGTH.saturating_sub(prefix_len).max(1);
    let mut groups: Vec<Vec<u64>> = Vec::new();
    let mut current = Vec::new();
    let mut used = 0;
    for &id in ids {
        let len = digits(id) + usize::from(!current.is_empty());
        if !current.is_empty() && used + len > budget {
            groups.push(std::mem::take(&mut current));
            used = 0;
        }
        used += digits(id) + usize::from(!current.is_empty());
        current.push(id);
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Appends `n` in decimal, for the URL: without `core::fmt`, which the first
/// call would otherwise have V8 compile.
pub fn push_decimal(out: &mut String, mut n: u64) {
    let mut text = [0u8; 20];
    let mut at = text.len();
    loop {
        at -= 1;
        text[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(text[at..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdInput::*;

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        for n in [0, 7, 10, 99, 100, 4_294_967_296, (1 << 53) - 1, u64::MAX] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn ids_are_checked_deduplicated_and_kept_in_order() {
        let ids = [
            Number(5.0),
            Text("3".into()),
            Number(5.0),
            Text("0005".into()),
            Number(1.0),
        ];
        assert_eq!(license_rocks_ids(&ids).unwrap(), [5, 3, 1]);
        assert_eq!(license_rocks_ids(&[]).unwrap(), Vec::<u64>::new());
        assert_eq!(
            license_rocks_ids(&[Number(9007199254740991.0)]).unwrap(),
            [9007199254740991]
        );
        assert_eq!(license_rocks_ids(&vec![Number(1.0); MAX_IDS]).unwrap(), [1]);
        let error = license_rocks_ids(&vec![Number(1.0); MAX_IDS + 1]).unwrap_err();
        assert!(
            error.message.contains("at most 100000"),
            "{}",
            error.message
        );
    }

    #[test]
    fn bad_ids_name_their_index() {
        let bad = [
            Number(0.0),
            Number(-1.0),
            Number(1.5),
            Number(f64::NAN),
            Number(f64::INFINITY),
            Number(9007199254740992.0),
            Text("".into()),
            Text("0".into()),
            Text("a".into()),
            Text("1,2".into()),
            Text(" 1".into()),
            Text("-1".into()),
            Text("1e3".into()),
            Text("9007199254740992".into()),
            Text("../1".into()),
            Other("a boolean"),
            Other("null"),
        ];
        for id in bad {
            let err = license_rocks_ids(&[Number(1.0), id.clone()]).unwrap_err();
            assert_eq!(err.kind, crate::ErrorKind::InvalidInput, "{id:?}");
            assert!(
                err.message.starts_with("licenseRocks: ids[1] "),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn splitting_bounds_every_url() {
        let ids: Vec<u64> = (1000..2500).collect();
        let prefix = "https://instance.example/api/externalOrders/".len();
        let groups = split_for_url(prefix, &ids);
        assert!(groups.len() > 1);
        assert_eq!(groups.concat(), ids, "nothing lost, order kept");
        for g in &groups {
            let joined = g.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
            assert!(prefix + joined.len() <= MAX_URL_LENGTH);
        }
        assert_eq!(
            split_for_url(5000, &[1, 2]),
            vec![vec![1], vec![2]],
            "an overlong prefix still sends one id per URL"
        );
    }
}
