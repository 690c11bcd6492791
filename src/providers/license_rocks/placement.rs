//! Orders placed in the order they were asked for, whatever order and however
//! many replies they came in: one function for the package and the Worker.

use crate::error::{Error, Provider};

/// Where each asked order is in the replies: for each id of `asked`, in that
/// order, the `(batch, index)` of the first order with that id in `returned`
/// (one id list per reply, as the check read them). The first asked id that no
/// reply holds is an error: License.rocks answers an unknown id with a 400, so
/// a 200 without it is not the answer that was asked for.
pub fn place_by_id(asked: &[u64], returned: &[&[i64]]) -> Result<Vec<(usize, usize)>, Error> {
    // (id, batch << 32 | index), sorted: among equal ids the first to arrive
    // sorts first, so it wins. No map: a sort is smaller in wasm.
    let mut by_id: Vec<(u64, u64)> = Vec::with_capacity(returned.iter().map(|r| r.len()).sum());
    for (batch, ids) in (0u64..).zip(returned) {
        by_id.extend(
            ids.iter()
                .zip(0u64..)
                .filter(|(id, _)| **id >= 0)
                .map(|(id, index)| (*id as u64, batch << 32 | index)),
        );
    }
    sort_pairs(&mut by_id);
    asked
        .iter()
        .map(|id| {
            let at = by_id.partition_point(|entry| entry.0 < *id);
            match by_id.get(at) {
                Some((found, place)) if found == id => {
                    Ok(((place >> 32) as usize, (place & 0xFFFF_FFFF) as usize))
                }
                _ => Err(Error::invalid_response(
                    Provider::LicenseRocks,
                    200,
                    Some("orders".into()),
                    format!("licenseRocks did not return order {id}, which was asked for"),
                )),
            }
        })
        .collect()
}

/// Sorts pairs in place (heapsort). The wasm's one sort: std's sorts are
/// fast but weigh several KB per element type, and these lists are short.
pub fn sort_pairs(v: &mut [(u64, u64)]) {
    fn sift_down(v: &mut [(u64, u64)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_are_placed_by_id_the_first_of_repeats_winning() {
        // Two replies, out of order, with a repeat, an order nobody asked for and a negative id.
        let first: &[i64] = &[2, 3, 7];
        let second: &[i64] = &[-1, 2, 1];
        assert_eq!(
            place_by_id(&[1, 2, 7], &[first, second]).unwrap(),
            [(1, 2), (0, 0), (0, 2)]
        );
        assert_eq!(place_by_id(&[], &[first]).unwrap(), []);
    }

    #[test]
    fn an_asked_order_that_did_not_come_is_named() {
        let returned: &[i64] = &[1, 2];
        let error = place_by_id(&[1, 5, 2, 6], &[returned]).unwrap_err();
        assert_eq!(error.kind, crate::ErrorKind::InvalidResponse);
        assert_eq!(error.path.as_deref(), Some("orders"));
        assert_eq!(
            error.message,
            "licenseRocks did not return order 5, which was asked for"
        );
    }

    #[test]
    fn pairs_sort_like_std() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<(u64, u64)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (seed >> 60, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort();
            sort_pairs(&mut v);
            assert_eq!(v, expected);
        }
    }
}
