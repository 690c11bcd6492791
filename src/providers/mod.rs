//! One module per provider, each the one place for it: its models, endpoints,
//! credentials and option spec, and how its replies are read.

pub mod capture;
pub mod license_rocks;
pub mod namefi;

/// The one list of providers: each line names the `Provider` variant, its
/// module (which defines `SPEC` and `ts_declarations`) and the contract's name for it, the error
/// `provider` value.
macro_rules! providers {
    ($( $(#[doc = $doc:literal])* $variant:ident => $module:ident, $name:literal; )*) => {
        /// Which API a call (or a failure) belongs to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Provider {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Provider {
            /// Every provider, in the order of the declarations.
            pub const ALL: &'static [Provider] = &[$(Provider::$variant),*];

            /// The contract's name for it (`capture`, `namefi`, `licenseRocks`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Provider::$variant => $name, )*
                }
            }

            /// Everything the JS surface and `index.d.ts` need to know about it.
            pub fn spec(self) -> &'static Spec {
                match self {
                    $( Provider::$variant => &$module::SPEC, )*
                }
            }

            /// Adds the TypeScript declarations of its models to `out`, in
            /// order. Native only: the wasm carries no declarations.
            #[cfg(not(target_arch = "wasm32"))]
            pub fn ts_declarations(self, out: &mut crate::wire::TsDeclarations) {
                match self {
                    $( Provider::$variant => $module::ts_declarations(out), )*
                }
            }
        }
    };
}

providers! {
    /// Numbers Protocol Capture.
    Capture => capture, "capture";
    /// Namefi.
    Namefi => namefi, "namefi";
    /// A License.rocks Creators Hub instance.
    LicenseRocks => license_rocks, "licenseRocks";
}

/// What a provider's options are, from which the JS options are read and
/// checked and `index.d.ts` declares them.
#[derive(Debug)]
pub struct Spec {
    /// Its short name in docs and messages (`Capture`, `License.rocks`).
    pub title: &'static str,
    /// The TypeScript name of its options (`CaptureOptions`).
    pub options_type: &'static str,
    /// The JSDoc of its options type.
    pub options_doc: &'static str,
    /// The ways it takes a credential; a call gives exactly one.
    pub credentials: &'static [CredentialKind],
    /// Where its API is.
    pub location: Location,
    /// How a wait for one of its orders knows it has settled, for providers
    /// whose orders move on their own.
    pub settling: Option<Settling>,
}

/// What a wait for an order (js/workflows.js) reads, by way of the generated js/spec.js.
#[derive(Debug)]
pub struct Settling {
    /// The function that waits (`waitForNamefiOrder`).
    pub function: &'static str,
    /// The TypeScript type it resolves to.
    pub order_type: &'static str,
    /// Where the status is in what the call resolves to (`order.status`).
    pub status_at: &'static [&'static str],
    /// Every status the models know: `until` takes these.
    pub statuses: &'static [&'static str],
    /// Those after which the order no longer changes: the default `until`.
    pub settled: &'static [&'static str],
}

/// Where a provider's API is.
#[derive(Debug, Clone, Copy)]
pub enum Location {
    /// One service: `baseUrl` is optional and defaults to `default`.
    Service {
        /// The production base URL.
        default: &'static str,
    },
    /// One of many instances, which the caller must name in `option`.
    Instance {
        /// The option's name (`instanceUrl`).
        option: &'static str,
        /// An example value for messages and docs.
        example: &'static str,
    },
}

impl Location {
    /// The option that names the API's URL.
    pub fn option(&self) -> &'static str {
        match self {
            Location::Service { .. } => "baseUrl",
            Location::Instance { option, .. } => option,
        }
    }
}

/// `true` for 2xx.
pub(crate) fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// A short, safe description of an HTTP failure without the provider's error shape.
pub(crate) fn http_failure(provider: crate::error::Provider, status: u16) -> crate::error::Error {
    let message = if (300..400).contains(&status) {
        format!(
            "{} answered with a redirect (HTTP {status}); redirects are not followed so credentials stay with the configured origin",
            provider.as_str()
        )
    } else {
        format!(
            "{} answered HTTP {status} without its documented error body",
            provider.as_str()
        )
    };
    crate::error::Error::http(provider, status, message)
}

/// Sends `outgoing` and checks the reply with the provider's `check`; a failure
/// carries the server's `Retry-After`. Returns the checked body and what the
/// check learnt.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn send_checked<T>(
    transport: &crate::transport::Transport,
    outgoing: &crate::transport::Outgoing<'_>,
    check: impl Fn(u16, &[u8]) -> Result<T, crate::error::Error>,
) -> Result<(Vec<u8>, T), crate::error::Error> {
    let reply = transport.send(outgoing).await?;
    let learnt =
        check(reply.status, &reply.body).map_err(|e| e.with_retry_after(reply.retry_after_ms))?;
    Ok((reply.body, learnt))
}

/// One way a provider takes a credential: the JS option that carries it and
/// the header it is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CredentialKind {
    /// The option's name (`apiKey`, `token`, ...).
    pub option: &'static str,
    /// The request header (`authorization`, `x-api-key`, ...).
    pub header: &'static str,
    /// Written before the value in the header (`Bearer `), or empty.
    pub scheme: &'static str,
    /// A secret for servers, refused in a browser page without the opt-in
    /// (an end user's own session is not).
    pub secret: bool,
}

/// A checked credential, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    /// How it is sent.
    pub kind: CredentialKind,
    /// The value as given (header-safe).
    pub value: String,
}

impl Credential {
    /// The header's value, scheme included.
    pub fn header_value(&self) -> String {
        [self.kind.scheme, &self.value].concat()
    }
}

/// `GET url` with `credential`, checked with `check`. Returns the status and
/// the checked body.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn get_with_credential(
    transport: &crate::transport::Transport,
    url: &str,
    credential: &Credential,
    check: fn(u16, &[u8]) -> Result<(), crate::error::Error>,
) -> Result<(u16, Vec<u8>), crate::error::Error> {
    let value = credential.header_value();
    let outgoing = crate::transport::Outgoing {
        url,
        credential_header: credential.kind.header,
        credential: &value,
        body: None,
    };
    // The check, handing back the status it accepted.
    let checked = move |status, body: &[u8]| check(status, body).map(|()| status);
    send_checked(transport, &outgoing, checked)
        .await
        .map(|(body, status)| (status, body))
}

/// A checked reply about one order is about the order asked for: the id at
/// `path` (a string the model requires) is `asked`, in any letter case (a
/// UUID's hex digits may come in either). A reply about another order, from a
/// cache or proxy mixing answers up, would pass its status off as this one's.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn same_order(
    provider: crate::error::Provider,
    status: u16,
    body: &[u8],
    path: [&str; 2],
    asked: &str,
) -> Result<(), crate::error::Error> {
    // The model's check refused repeated keys, so the first `path[0]` is the
    // one: reading stops at the id, and the rest of the body is not walked.
    let echoed = || -> Option<String> {
        let mut r = crate::json::Reader::new(body);
        r.begin_object("").ok()?;
        for (depth, key) in path.iter().enumerate() {
            let mut first = true;
            loop {
                let name = r.next_key(first).ok()??;
                first = false;
                r.colon().ok()?;
                if name.is(key) {
                    break;
                }
                r.skip().ok()?;
            }
            if depth == 0 {
                r.begin_object("").ok()?;
            }
        }
        Some(r.string("").ok()?.value().into_owned())
    };
    // Like every check's message, this one does not echo what the reply held.
    match echoed() {
        Some(id) if id.eq_ignore_ascii_case(asked) => Ok(()),
        _ => Err(crate::error::Error::invalid_response(
            provider,
            status,
            Some(path.join(".")),
            format!(
                "{} answered about another order than {asked}, which was asked for",
                provider.as_str()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::same_order;
    use crate::error::Provider;

    #[test]
    fn a_reply_names_the_order_asked_for() {
        let asked = "59210ee0-1a4e-451c-b048-c493d9e001ff";
        let body = |id: &str| {
            format!(r#"{{"status":"success","response":{{"nid":"x","order_id":"{id}"}}}}"#)
        };
        let check = |body: &str, asked: &str| {
            same_order(
                Provider::Capture,
                200,
                body.as_bytes(),
                ["response", "order_id"],
                asked,
            )
        };
        assert!(check(&body(asked), asked).is_ok());
        assert!(
            check(&body(&asked.to_uppercase()), asked).is_ok(),
            "a UUID in either case"
        );
        assert!(
            check(&body(r"59210ee0-1a4e-451c-b048-c493d9e001f\u0066"), asked).is_ok(),
            "escapes decoded"
        );
        let error = check(&body("00000000-0000-4000-a000-000000000000"), asked).unwrap_err();
        assert_eq!(error.kind, crate::ErrorKind::InvalidResponse);
        assert_eq!(
            (error.status, error.path.as_deref()),
            (Some(200), Some("response.order_id"))
        );
        assert_eq!(
            error.message,
            "capture answered about another order than 59210ee0-1a4e-451c-b048-c493d9e001ff, which was asked for"
        );
    }
}
