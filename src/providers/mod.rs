//! One module per provider, each the one place for it: its models, endpoints,
//! credentials and option spec, and how its replies are read.

pub mod capture;
pub mod license_rocks;
pub mod namefi;

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
    check: fn(u16, &[u8]) -> Result<T, crate::error::Error>,
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
        format!("{}{}", self.kind.scheme, self.value)
    }
}

/// `GET url` with `credential`, checked with `check`. Returns the checked body.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn get_with_credential(
    transport: &crate::transport::Transport,
    url: &str,
    credential: &Credential,
    check: fn(u16, &[u8]) -> Result<(), crate::error::Error>,
) -> Result<Vec<u8>, crate::error::Error> {
    let value = credential.header_value();
    let outgoing = crate::transport::Outgoing {
        url,
        credential_header: credential.kind.header,
        credential: &value,
        body: None,
    };
    send_checked(transport, &outgoing, check)
        .await
        .map(|(body, ())| body)
}
