//! License.rocks Creators Hub instance: `GET /api/externalOrders/{ids}` and
//! `POST /api/externalOrders` ("Order API"; fixtures under `license-rocks/`).
//!
//! A field is `nullable` exactly when the docs show it both null and set;
//! a field the docs only ever show as `null` is `raw` (its type is unknown).
//! Cents are integers; ETH and wei amounts are decimal strings.

use crate::wire::{wire_enum, wire_struct, DecimalString, SafeInt};

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
