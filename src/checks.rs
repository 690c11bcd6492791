//! Checks of text callers pass, shared by the providers and the Worker: values
//! that go into a header, and UUID order ids that go into a URL.

use crate::error::{Error, Provider};
use crate::json::quote;

/// A non-empty string of visible ASCII: safe as an HTTP header value, so a bad
/// credential or key never reaches a `Headers` error that would quote it.
pub fn is_header_safe(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// Checks a Capture or Namefi order id: a UUID, as both APIs document. This also
/// keeps path and query syntax out of the URL.
pub fn uuid_order_id(provider: Provider, id: &str) -> Result<(), Error> {
    let b = id.as_bytes();
    let ok = b.len() == 36
        && b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(
            provider,
            format!(
                "order id {} is not a UUID (e.g. 59210ee0-1a4e-451c-b048-c493d9e001ff)",
                quote(&truncate(id))
            ),
        ))
    }
}

/// At most 40 characters of `s`, for quoting a caller's value in a message.
pub(crate) fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_safe_values_are_visible_ascii() {
        assert!(is_header_safe("sim-license-rocks-token"));
        for bad in ["", "has space", "tab\t", "new\nline", "ünïcode", "\u{7f}"] {
            assert!(!is_header_safe(bad), "{bad:?}");
        }
    }

    #[test]
    fn uuids() {
        assert!(uuid_order_id(Provider::Namefi, "497f6eca-6276-4993-bfeb-53cbbbba6f08").is_ok());
        for bad in [
            "",
            "497f6eca62764993bfeb53cbbbba6f08",
            "497f6eca-6276-4993-bfeb-53cbbbba6f0g",
            "../../admin",
            "497f6eca-6276-4993-bfeb-53cbbbba6f08/x",
        ] {
            assert!(uuid_order_id(Provider::Namefi, bad).is_err(), "{bad}");
        }
    }
}
