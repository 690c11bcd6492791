//! What `createExternalOrders` sends: the orders to create, read from caller
//! input (unknown fields refused) and written as the `POST` body. Each object
//! is declared once, as a `strict` `wire_struct!`: that one declaration gives
//! the serde types, the reader the wasm and the Worker use, the writer of the
//! body and the TypeScript declaration.

use serde::{Deserialize, Serialize};

use crate::json::{Class, JsonError, Reader, Segment};
use crate::wire::{wire_struct, Read, SafeInt, WriteJson, MAX_SAFE_INTEGER};

wire_struct! {
    strict
    /// One order to create. Unknown fields are refused: a misspelt
    /// `buyerBillingData` would otherwise silently bill the user's first address.
    pub struct NewExternalOrder {
        /// NFT to buy (positive integer).
        required nft_id: PositiveId = "nftId",
        /// Listing (sale) to buy from.
        required listing_id: PositiveId = "listingId",
        /// How many.
        required quantity: PositiveId = "quantity",
        /// Buyer's user id on the hub.
        required buyer_user_id: PositiveId = "buyerUserId",
        /// With all four fields, a new billing address; otherwise the user's first one on file.
        omittable buyer_billing_data: BillingData = "buyerBillingData",
    }
}

wire_struct! {
    strict
    /// Billing address of a new order; every field optional.
    pub struct BillingData {
        /// City.
        omittable city: String = "city",
        /// Country.
        omittable country: String = "country",
        /// Postal code.
        omittable postal: String = "postal",
        /// Street.
        omittable street: String = "street",
    }
}

impl BillingData {
    /// All four fields given: the hub creates a new billing address from them.
    pub fn is_complete(&self) -> bool {
        self.city.is_some()
            && self.country.is_some()
            && self.postal.is_some()
            && self.street.is_some()
    }
}

/// Reads create input sent as JSON text (the Worker's request body, and what
/// the JS binding makes of its argument with `JSON.stringify`): one non-empty
/// array of orders, unknown fields refused, types checked. The error is one
/// line naming the path: `orders[1].quantity: expected a positive integer …`.
pub fn new_orders_from_json(text: &str) -> Result<Vec<NewExternalOrder>, String> {
    let mut r = Reader::new(text.as_bytes());
    let read = read_new_orders(&mut r).and_then(|orders| r.end().map(|()| orders));
    let orders = read.map_err(|e| match e.class() {
        Class::Data => {
            let path = e.path();
            format!(
                "orders{}: {}",
                if path == "$" { "" } else { path.as_str() },
                e.message()
            )
        }
        Class::Syntax | Class::Eof => format!(
            "the body is not one JSON array ({})",
            e.describe(text.as_bytes())
        ),
    })?;
    if orders.is_empty() {
        return Err("send a non-empty array of orders".to_owned());
    }
    Ok(orders)
}

fn read_new_orders(r: &mut Reader<'_>) -> Result<Vec<NewExternalOrder>, JsonError> {
    let mut orders = Vec::new();
    r.begin_array("an array of orders")?;
    while r.next_element(orders.is_empty())? {
        let order =
            NewExternalOrder::read(r).map_err(|e| e.within(Segment::Index(orders.len())))?;
        orders.push(order);
    }
    Ok(orders)
}

/// The `POST /api/externalOrders` body for `orders`: what serde_json writes for
/// them (a native test holds the two together), without linking serde_json into the wasm.
pub fn new_orders_json(orders: &[NewExternalOrder]) -> String {
    let mut out = String::new();
    orders.write_json(&mut out);
    out
}

/// A positive integer within the JavaScript safe range: ids and quantities we send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PositiveId(SafeInt);

impl PositiveId {
    /// `Some` when `value` is in `1..=2^53-1`.
    pub fn new(value: i64) -> Option<Self> {
        if value < 1 {
            return None;
        }
        SafeInt::new(value).map(PositiveId)
    }
    /// The value.
    pub fn get(self) -> i64 {
        self.0.get()
    }
}

impl Read for PositiveId {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.integer(
            1,
            MAX_SAFE_INTEGER,
            "a positive integer no larger than 2^53 - 1",
        )
        .and_then(|v| {
            PositiveId::new(v).ok_or_else(|| {
                JsonError::data(
                    r.offset(),
                    "expected a positive integer no larger than 2^53 - 1",
                )
            })
        })
    }
}

impl WriteJson for PositiveId {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl crate::wire::TsType for PositiveId {
    fn ts_ref() -> String {
        "number".to_owned()
    }
}

impl crate::wire::Check for PositiveId {
    fn check(r: &mut Reader<'_>) -> Result<(), JsonError> {
        <PositiveId as Read>::read(r).map(drop)
    }
}

impl std::fmt::Display for PositiveId {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for PositiveId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        PositiveId::new(value).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Signed(value),
                &"a positive integer no larger than 2^53 - 1",
            )
        })
    }
}
