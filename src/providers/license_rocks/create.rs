//! What `createExternalOrders` sends: the orders to create, read from caller
//! input (unknown fields refused) and written as the `POST` body.

use serde::{Deserialize, Serialize};

use crate::json::{
    quote, read_fields, Class, FieldValues, JsonError, KeyTable, Reader, Segment, UnknownKeys,
};
use crate::wire::{SafeInt, MAX_SAFE_INTEGER};

/// One order to create (an element of the `POST /api/externalOrders` body).
///
/// Unknown fields are refused rather than kept: a misspelt `buyerBillingData`
/// would otherwise silently bill the user's first address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewExternalOrder {
    /// NFT to buy.
    pub nft_id: PositiveId,
    /// Listing (sale) to buy from.
    pub listing_id: PositiveId,
    /// How many.
    pub quantity: PositiveId,
    /// Buyer's user id on the hub.
    pub buyer_user_id: PositiveId,
    /// Billing address; when any of its four fields is missing, the hub uses the
    /// user's first billing address on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_billing_data: Option<BillingData>,
}

/// Billing address of a new order; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BillingData {
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal: Option<String>,
    /// Street.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
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

impl crate::wire::TsType for NewExternalOrder {
    fn ts_ref() -> String {
        "NewExternalOrder".to_owned()
    }
    fn ts_declaration() -> Option<String> {
        Some(
            "/** One order to create. Unknown fields are refused. */\n\
             export interface NewExternalOrder {\n\
             \x20 /** NFT to buy (positive integer). */\n  nftId: number;\n\
             \x20 /** Listing (sale) to buy from. */\n  listingId: number;\n\
             \x20 /** How many. */\n  quantity: number;\n\
             \x20 /** Buyer's user id on the hub. */\n  buyerUserId: number;\n\
             \x20 /** With all four fields, a new billing address; otherwise the user's first one on file. */\n  buyerBillingData?: BillingData;\n\
             }\n"
                .to_owned(),
        )
    }
    fn ts_collect(out: &mut crate::wire::TsDeclarations) {
        let declaration = Self::ts_declaration().unwrap_or_default();
        if out.insert("NewExternalOrder", &declaration) {
            out.add::<BillingData>();
        }
    }
}

impl crate::wire::TsType for BillingData {
    fn ts_ref() -> String {
        "BillingData".to_owned()
    }
    fn ts_declaration() -> Option<String> {
        Some("/** Billing address of a new order; every field optional. */\nexport interface BillingData {\n  city?: string;\n  country?: string;\n  postal?: string;\n  street?: string;\n}\n".to_owned())
    }
    fn ts_collect(out: &mut crate::wire::TsDeclarations) {
        out.insert("BillingData", &Self::ts_declaration().unwrap_or_default());
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
    const KEYS: KeyTable = KeyTable::new(
        &[
            "nftId",
            "listingId",
            "quantity",
            "buyerUserId",
            "buyerBillingData",
        ],
        0b1111,
    );
    let mut orders = Vec::new();
    r.begin_array("an array of orders")?;
    while r.next_element(orders.is_empty())? {
        let mut ids = [None; 4];
        let mut billing = None;
        read_fields(
            r,
            "an object (NewExternalOrder)",
            &KEYS,
            UnknownKeys::Refuse,
            FieldValues::Read(&mut |r, field| {
                match ids.get_mut(field) {
                    Some(slot) => *slot = Some(PositiveId::read(r)?),
                    None if r.null()? => {}
                    None => billing = Some(read_billing(r)?),
                }
                Ok(())
            }),
        )
        .map_err(|e| e.within(Segment::Index(orders.len())))?;
        // All four are required, so read_fields has refused an order without them.
        if let [Some(nft_id), Some(listing_id), Some(quantity), Some(buyer_user_id)] = ids {
            orders.push(NewExternalOrder {
                nft_id,
                listing_id,
                quantity,
                buyer_user_id,
                buyer_billing_data: billing,
            });
        }
    }
    Ok(orders)
}

fn read_billing(r: &mut Reader<'_>) -> Result<BillingData, JsonError> {
    const KEYS: KeyTable = KeyTable::new(&["city", "country", "postal", "street"], 0);
    let mut fields: [Option<String>; 4] = Default::default();
    read_fields(
        r,
        "an object (BillingData)",
        &KEYS,
        UnknownKeys::Refuse,
        FieldValues::Read(&mut |r, field| {
            if !r.null()? {
                fields[field] = Some(r.string("a string")?.value().into_owned());
            }
            Ok(())
        }),
    )?;
    let [city, country, postal, street] = fields;
    Ok(BillingData {
        city,
        country,
        postal,
        street,
    })
}

/// The `POST /api/externalOrders` body for `orders`: what serde_json writes for
/// them (a native test holds the two together), without linking serde_json into the wasm.
pub fn new_orders_json(orders: &[NewExternalOrder]) -> String {
    let mut out = String::from("[");
    for (i, order) in orders.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "{{\"nftId\":{},\"listingId\":{},\"quantity\":{},\"buyerUserId\":{}",
            order.nft_id, order.listing_id, order.quantity, order.buyer_user_id
        ));
        if let Some(billing) = &order.buyer_billing_data {
            out.push_str(",\"buyerBillingData\":{");
            let fields = [
                ("city", &billing.city),
                ("country", &billing.country),
                ("postal", &billing.postal),
                ("street", &billing.street),
            ];
            let present = fields.iter().filter_map(|(name, value)| {
                value.as_ref().map(|v| format!("\"{name}\":{}", quote(v)))
            });
            out.push_str(&present.collect::<Vec<_>>().join(","));
            out.push('}');
        }
        out.push('}');
    }
    out.push(']');
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

    /// Reads one from `r`.
    pub fn read(r: &mut Reader<'_>) -> Result<PositiveId, JsonError> {
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
