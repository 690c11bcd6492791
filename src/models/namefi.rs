//! Namefi: `GET {BASE}/orders/{orderId}` ("Get order details", fixture `namefi/get-order.200.json`)
//! and its oRPC error shape (fixtures `namefi/error.*.json`).
//!
//! Amounts are integer US cents (int32 in the schema); ids are UUID strings;
//! dates are RFC 3339 strings.

use std::collections::BTreeMap;

use super::wire::{wire_enum, wire_struct};

wire_enum! {
    /// Order status.
    pub enum NamefiOrderStatus {
        Created = "CREATED",
    }
}

wire_enum! {
    /// Order item status.
    pub enum NamefiOrderItemStatus {
        Created = "CREATED",
    }
}

wire_enum! {
    /// What an order item does to its domain.
    pub enum NamefiOrderItemType {
        Register = "REGISTER",
    }
}

wire_enum! {
    /// Payment status.
    pub enum NamefiPaymentStatus {
        Created = "CREATED",
    }
}

wire_enum! {
    /// Who processed a payment.
    pub enum NamefiPaymentProvider {
        NfscBase = "NFSC_BASE",
    }
}

wire_struct! {
    /// The whole reply: the order with its items, payments and owner.
    pub struct NamefiOrderDetails {
        /// The order itself.
        required order: NamefiOrder = "order",
        /// One item per domain operation.
        required items: Vec<NamefiOrderItem> = "items",
        /// Payments made for the order.
        required payments: Vec<NamefiPayment> = "payments",
        /// The user who owns the order.
        required user: NamefiUser = "user",
    }
}

wire_struct! {
    /// An order.
    pub struct NamefiOrder {
        /// Order UUID.
        required id: String = "id",
        /// Owner's user UUID.
        required user_id: String = "userId",
        /// Status.
        required status: NamefiOrderStatus = "status",
        /// Total in US cents.
        required amount_in_usd_cents: i32 = "amountInUSDCents",
        /// Wallet the domain NFTs go to.
        required nft_wallet_address: String = "nftWalletAddress",
        /// Chain id of that wallet.
        required nft_chain_id: i32 = "nftChainId",
        /// Open metadata map with a few known keys.
        required metadata: NamefiOrderMetadata = "metadata",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
    }
}

wire_struct! {
    /// Order metadata: an open map (`property1`… in the docs stand for any key).
    pub struct NamefiOrderMetadata {
        /// Whether the order is a free claim.
        optional free_claim: bool = "freeClaim",
        /// Campaign the order belongs to.
        optional group_or_campaign_key: String = "groupOrCampaignKey",
        /// Claim id.
        optional claim_id: String = "claimId",
        /// Mint transactions by key.
        optional mint_transactions: BTreeMap<String, NamefiMintTransaction> = "mintTransactions",
    }
}

wire_struct! {
    /// A recorded mint transaction.
    pub struct NamefiMintTransaction {
        /// Transaction hash.
        required tx_hash: String = "txHash",
        /// When it was recorded.
        required recorded_at: String = "recordedAt",
    }
}

wire_struct! {
    /// One domain operation of an order.
    pub struct NamefiOrderItem {
        /// Item UUID.
        required id: String = "id",
        /// Order UUID.
        required order_id: String = "orderId",
        /// The domain, normalized.
        required normalized_domain_name: String = "normalizedDomainName",
        /// Price in US cents.
        required amount_in_usd_cents: i32 = "amountInUSDCents",
        /// Registration length.
        required duration_in_years: i32 = "durationInYears",
        /// Operation (`REGISTER`).
        required item_type: NamefiOrderItemType = "type",
        /// Registrar handling the domain.
        required registrar: String = "registrar",
        /// Key id used to encrypt the EPP code.
        required encryption_key_id: String = "encryptionKeyId",
        /// Encrypted EPP authorization code.
        required encrypted_epp_authorization_code: String = "encryptedEppAuthorizationCode",
        /// Status.
        required status: NamefiOrderItemStatus = "status",
        /// Open metadata map with a few known keys.
        required metadata: NamefiOrderItemMetadata = "metadata",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
    }
}

wire_struct! {
    /// Order item metadata: an open map; newer docs add keys such as
    /// `postProcessOrderItem`, `requiredAction`, `failureDetails` (kept in `extra`).
    pub struct NamefiOrderItemMetadata {
        /// Whether the item is a free claim.
        optional free_claim: bool = "freeClaim",
        /// Campaign the item belongs to.
        optional group_or_campaign_key: String = "groupOrCampaignKey",
        /// Claim id.
        optional claim_id: String = "claimId",
        /// The item's mint transaction.
        optional mint_transaction: NamefiMintTransaction = "mintTransaction",
    }
}

wire_struct! {
    /// A payment for an order.
    pub struct NamefiPayment {
        /// Payment UUID.
        required id: String = "id",
        /// Amount in US cents.
        required amount_in_usd_cents: i32 = "amountInUSDCents",
        /// Status.
        required status: NamefiPaymentStatus = "status",
        /// Processor (`NFSC_BASE`).
        required payment_provider: NamefiPaymentProvider = "paymentProvider",
        /// The processor's reference.
        required payment_provider_reference_id: String = "paymentProviderReferenceId",
        /// Order UUID.
        required order_id: String = "orderId",
        /// NFSC details.
        required nfsc_payment_details: String = "nfscPaymentDetails",
        /// Stripe details.
        required stripe_payment_details: String = "stripePaymentDetails",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
    }
}

wire_struct! {
    /// The owner of the order.
    pub struct NamefiUser {
        /// User UUID.
        required id: String = "id",
        /// Primary e-mail address.
        required primary_email: String = "primaryEmail",
        /// Stripe customer id.
        required stripe_customer_id: String = "stripeCustomerId",
        /// Privy user id.
        required privy_user_id: String = "privyUserId",
        /// E-mail opt-in.
        required subscribe_to_emails: bool = "subscribeToEmails",
        /// RFC 3339.
        required last_sign_in_at: String = "lastSignInAt",
        /// RFC 3339.
        required last_accessed_session_at: String = "lastAccessedSessionAt",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
    }
}

wire_struct! {
    /// oRPC error body: `{"defined": true, "code": "NOT_FOUND", "status": 404, "message": "Not Found", "data": null}`.
    pub struct NamefiError {
        /// Whether the procedure declared this error.
        optional defined: bool = "defined",
        /// Machine-readable code (`NOT_FOUND`, `UNAUTHORIZED`, …).
        required code: String = "code",
        /// HTTP status the error stands for.
        optional status: u16 = "status",
        /// Human-readable message.
        required message: String = "message",
        /// Extra data; its type is not documented.
        raw data: serde_json::Value = "data",
    }
}
