//! License.rocks Creators Hub instance: `GET /api/externalOrders/{ids}` and
//! `POST /api/externalOrders` ("Order API"; fixtures under `license-rocks/`).
//!
//! A field is `nullable` exactly when the docs show it both null and set;
//! a field the docs only ever show as `null` is `raw` (its type is unknown).
//! Cents are integers; ETH and wei amounts are decimal strings.

use serde::{Deserialize, Serialize};

use super::wire::{wire_enum, wire_struct, DecimalString, SafeInt, MAX_SAFE_INTEGER};
use crate::json::{
    quote, read_fields, Class, FieldValues, JsonError, KeyTable, Reader, Segment, UnknownKeys,
};

wire_enum! {
    /// How the order was paid.
    pub enum PaymentMethod {
        ExternalPayment = "externalPayment",
    }
}

wire_enum! {
    /// Who took the payment.
    pub enum OrderProvider {
        ExternalProvider = "externalProvider",
    }
}

wire_enum! {
    /// Where an order or order item stands (`paid` on real orders).
    pub enum ExternalOrderStatus {
        Paid = "paid",
    }
}

wire_enum! {
    /// What was sold.
    pub enum ProductType {
        Nft = "nft",
    }
}

wire_enum! {
    /// How the buyer signs in.
    pub enum LoginProvider {
        Magiclink = "magiclink",
    }
}

wire_enum! {
    /// The buyer's view of the hub.
    pub enum ViewMode {
        Buyer = "buyer",
    }
}

wire_enum! {
    /// How an NFT is priced.
    pub enum PriceType {
        Fixed = "FIXED",
    }
}

wire_enum! {
    /// Where an NFT stands.
    pub enum NftStatus {
        Released = "released",
    }
}

wire_enum! {
    /// Kind of sale.
    pub enum ListingType {
        Auction = "auction",
        Regular = "regular",
    }
}

wire_struct! {
    /// The reply of both endpoints: `{"orders": [...], "error": null}` or
    /// `{"orders": null, "error": "…"}`.
    pub struct ExternalOrdersReply {
        /// The orders; `null` on error.
        nullable orders: Vec<ExternalOrder> = "orders",
        /// The error message; `null` on success.
        nullable error: String = "error",
    }
}

wire_struct! {
    /// An order.
    pub struct ExternalOrder {
        /// Order id.
        required id: SafeInt = "id",
        /// Buyer's user id.
        required buyer_id: SafeInt = "buyerId",
        /// Billing address used.
        required billing_address_id: SafeInt = "billingAddressId",
        /// `externalPayment`.
        required payment_method: PaymentMethod = "paymentMethod",
        /// `externalProvider`.
        required provider: OrderProvider = "provider",
        /// Type not documented.
        raw provider_id: serde_json::Value = "providerId",
        /// Type not documented.
        raw secupay_stx_transaction_id: serde_json::Value = "secupayStxTransactionId",
        /// Type not documented.
        raw secupay_pci_transaction_id: serde_json::Value = "secupayPciTransactionId",
        /// Payment webhook secret.
        required secupay_webhook_token: String = "secupayWebhookToken",
        /// Total in cents of `total_price_currency`.
        required total_price_cents: SafeInt = "totalPriceCents",
        /// Currency code (`EUR`).
        required total_price_currency: String = "totalPriceCurrency",
        /// Total in ETH, decimal string.
        required total_price_eth: DecimalString = "totalPriceEth",
        /// Status (`paid` on real orders; `null` in the docs' example).
        optional_nullable status: ExternalOrderStatus = "status",
        /// Type not documented.
        raw fail_reason: serde_json::Value = "failReason",
        /// Type not documented.
        raw fees_collected_at: serde_json::Value = "feesCollectedAt",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// `nft`.
        required product_type: ProductType = "ProductType",
        /// The buyer; the POST reply leaves it out.
        optional buyer: Buyer = "buyer",
        /// Items bought.
        required order_items: Vec<OrderItem> = "orderItems",
    }
}

wire_struct! {
    /// The buyer of an order (personal data: handle with care).
    pub struct Buyer {
        /// User id.
        required id: SafeInt = "id",
        /// Approved by the hub.
        required approved: bool = "approved",
        /// A company account.
        required company_user: bool = "companyUser",
        /// E-mail address.
        required email: String = "email",
        /// Wallet address.
        required ethereum_public_addr: String = "ethereumPublicAddr",
        /// Type not documented.
        raw name: serde_json::Value = "name",
        /// Sign-in provider (`magiclink`).
        required provider: LoginProvider = "provider",
        /// Type not documented.
        raw discord_id: serde_json::Value = "discordId",
        /// Type not documented.
        raw role_id: serde_json::Value = "roleId",
        /// Type not documented.
        raw username: serde_json::Value = "username",
        /// `buyer`.
        required view_mode: ViewMode = "viewMode",
        /// Type not documented.
        raw wallet_nonce: serde_json::Value = "walletNonce",
        /// Type not documented.
        raw stripe_connect_id: serde_json::Value = "stripeConnectId",
        /// Type not documented.
        raw secupay_external_id: serde_json::Value = "secupayExternalId",
        /// Type not documented.
        raw simplex_id: serde_json::Value = "simplexId",
        /// Newsletter opt-in.
        required newsletter_agreement: bool = "newsletterAgreement",
        /// Locale (`en`).
        required locale: String = "locale",
        /// Type not documented.
        raw approved_at: serde_json::Value = "approvedAt",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// Type not documented.
        raw last_access_at: serde_json::Value = "lastAccessAt",
        /// Type not documented.
        raw onboarded_at: serde_json::Value = "onboardedAt",
        /// Type not documented.
        raw removed_at: serde_json::Value = "removedAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// IP address the account was created from.
        required ip_address: String = "ipAddress",
    }
}

wire_struct! {
    /// One line of an order.
    pub struct OrderItem {
        /// Item id.
        required id: SafeInt = "id",
        /// Order id.
        required order_id: SafeInt = "orderId",
        /// NFT id.
        required nft_id: SafeInt = "nftId",
        /// Listing id.
        required listing_id: SafeInt = "listingId",
        /// Quantity bought.
        required quantity: SafeInt = "quantity",
        /// Price in cents.
        required price_cents: SafeInt = "priceCents",
        /// Price in ETH, decimal string.
        required price_eths: DecimalString = "priceEths",
        /// Type not documented.
        raw eth_recipient: serde_json::Value = "ethRecipient",
        /// Currency code.
        required price_currency: String = "priceCurrency",
        /// Type not documented.
        raw tx_id: serde_json::Value = "txId",
        /// Type not documented.
        raw payment_provider: serde_json::Value = "paymentProvider",
        /// Status (`paid` on real orders; `null` in the docs' example).
        optional_nullable status: ExternalOrderStatus = "status",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// `nft`.
        required product_type: ProductType = "ProductType",
        /// The NFT bought.
        required nft: Nft = "nft",
        /// The listing it was bought from.
        required listing: Listing = "listing",
    }
}

wire_struct! {
    /// An NFT of the hub.
    pub struct Nft {
        /// NFT id.
        required id: SafeInt = "id",
        /// Editions minted.
        required amount: SafeInt = "amount",
        /// Editions left.
        required available_amount: SafeInt = "availableAmount",
        /// Approved by the hub.
        required approved: bool = "approved",
        /// Arweave transaction of the metadata.
        required arweave_tx: String = "arweaveTx",
        /// Type not documented.
        raw chain_tx: serde_json::Value = "chainTx",
        /// Creator's wallet.
        required creator_public_addr: String = "creatorPublicAddr",
        /// Contract address.
        required contract_addr: String = "contractAddr",
        /// Contract name.
        required contract_name: String = "contractName",
        /// Network (`maticTestnet`).
        required contract_network: String = "contractNetwork",
        /// Type not documented.
        raw cover_key: serde_json::Value = "coverKey",
        /// Type not documented.
        raw category: serde_json::Value = "category",
        /// Unlockable secret of the NFT.
        nullable secret_phrase: String = "secretPhrase",
        /// Type not documented.
        raw fee: serde_json::Value = "fee",
        /// Type not documented.
        raw fee_recipient: serde_json::Value = "feeRecipient",
        /// Free-form creator payload (it can hold `secretPhrase` too).
        required payload: serde_json::Value = "payload",
        /// Price in cents.
        required price: SafeInt = "price",
        /// Price in ETH, decimal string.
        required price_eths: DecimalString = "priceEths",
        /// Currency code.
        required price_currency: String = "priceCurrency",
        /// `FIXED`.
        required price_type: PriceType = "priceType",
        /// Has downloadable assets.
        required downloadable: bool = "downloadable",
        /// Title.
        required title: String = "title",
        /// Creator's user id.
        required creator_id: SafeInt = "creatorId",
        /// Use case id.
        required use_case_id: SafeInt = "useCaseId",
        /// Can be upgraded.
        required upgradeable: bool = "upgradeable",
        /// Type not documented.
        raw token_id: serde_json::Value = "tokenId",
        /// Type not documented.
        raw new_token_id: serde_json::Value = "newTokenId",
        /// Type not documented.
        raw old_token_id: serde_json::Value = "oldTokenId",
        /// `released`.
        required status: NftStatus = "status",
        /// RFC 3339.
        required release_at: String = "releaseAt",
        /// Bidding allowed.
        required bidding_enabled: bool = "biddingEnabled",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// Type not documented.
        raw deleted_at: serde_json::Value = "deletedAt",
        /// Split into fractions.
        required fractionalized: bool = "fractionalized",
        /// Can be redeemed.
        required redeemable: bool = "redeemable",
        /// Type not documented.
        raw qrcode_printfile_id: serde_json::Value = "qrcodePrintfileId",
        /// Type not documented.
        raw sales_contract_url: serde_json::Value = "salesContractUrl",
    }
}

wire_struct! {
    /// A sale of an NFT.
    pub struct Listing {
        /// Listing id.
        required id: SafeInt = "id",
        /// Price in cents.
        required price_cents: SafeInt = "priceCents",
        /// Editions on sale; `null` when unlimited.
        nullable amount: SafeInt = "amount",
        /// Price in ETH, decimal string.
        required price_eths: DecimalString = "priceEths",
        /// Price in wei, decimal string (beyond 2^53).
        required price_wei: DecimalString = "priceWei",
        /// RFC 3339; `null` when open-ended.
        nullable active_till: String = "activeTill",
        /// On sale now.
        required active: bool = "active",
        /// `auction` or `regular`.
        required listing_type: ListingType = "type",
        /// Listing transaction; `null` when none.
        nullable tx_hash: String = "txHash",
        /// Currency code.
        required price_currency: String = "priceCurrency",
        /// Seller's user id.
        required seller_id: SafeInt = "sellerId",
        /// NFT id.
        required nft_id: SafeInt = "nftId",
        /// Type not documented.
        raw capture_cron_id: serde_json::Value = "captureCronId",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
    }
}

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

impl super::wire::TsType for NewExternalOrder {
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
}

impl super::wire::TsType for BillingData {
    fn ts_ref() -> String {
        "BillingData".to_owned()
    }
    fn ts_declaration() -> Option<String> {
        Some("/** Billing address of a new order; every field optional. */\nexport interface BillingData {\n  city?: string;\n  country?: string;\n  postal?: string;\n  street?: string;\n}\n".to_owned())
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
