//! Namefi: `GET {BASE}/orders/{orderId}` ("Get order details") and its error bodies.
//!
//! Typed from Namefi's production OpenAPI document (`getOrder`, copied in
//! `tests/real-apis/namefi-getOrder.openapi.json`): a field is nullable
//! or optional exactly where that schema says so. The docs' older example
//! (fixture `namefi/get-order.200.json`) has no `startedAt`/`finishedAt` and no
//! payment `metadata`/`x402PaymentDetails`, so those keys may also be absent.
//!
//! Amounts are integer US cents (int32 in the schema); ids are UUID strings;
//! dates are RFC 3339 strings.

use std::collections::BTreeMap;

use crate::wire::{wire_enum, wire_struct, JsNumber, SafeInt};

wire_enum! {
    /// Order status. `SUCCEEDED`, `FAILED`, `CANCELLED` and `PARTIALLY_COMPLETED` are terminal.
    pub enum NamefiOrderStatus {
        Created = "CREATED",
        Processing = "PROCESSING",
        Succeeded = "SUCCEEDED",
        Failed = "FAILED",
        Cancelled = "CANCELLED",
        PartiallyCompleted = "PARTIALLY_COMPLETED",
    }
}

/// Order item status: the schema gives items the order's own statuses.
pub type NamefiOrderItemStatus = NamefiOrderStatus;

wire_enum! {
    /// What an order item does to its domain.
    pub enum NamefiOrderItemType {
        Register = "REGISTER",
        Import = "IMPORT",
        Renew = "RENEW",
    }
}

wire_enum! {
    /// Payment status.
    pub enum NamefiPaymentStatus {
        Created = "CREATED",
        Processing = "PROCESSING",
        Succeeded = "SUCCEEDED",
        Failed = "FAILED",
        Cancelled = "CANCELLED",
        RefundRequested = "REFUND_REQUESTED",
        RequiresCapture = "REQUIRES_CAPTURE",
    }
}

wire_enum! {
    /// Who processed a payment: Namefi's NFSC balance on a chain, Stripe, or x402.
    pub enum NamefiPaymentProvider {
        NfscBase = "NFSC_BASE",
        NfscEthereum = "NFSC_ETHEREUM",
        NfscEthereumSepolia = "NFSC_ETHEREUM_SEPOLIA",
        Stripe = "STRIPE",
        X402 = "X402",
    }
}

wire_enum! {
    /// What the user must do before a domain transfer can go on.
    pub enum NamefiRequiredAction {
        EppUnlockRequired = "EPP_UNLOCK_REQUIRED",
        EppAuthCodeUpdateRequired = "EPP_AUTH_CODE_UPDATE_REQUIRED",
        Undetermined = "UNDETERMINED",
    }
}

wire_enum! {
    /// How a failed item was resolved.
    pub enum NamefiFailureResolution {
        UserSignal = "USER_SIGNAL",
        Timeout = "TIMEOUT",
    }
}

wire_enum! {
    /// Who resolved a failed item.
    pub enum NamefiActor {
        User = "USER",
        Admin = "ADMIN",
    }
}

wire_enum! {
    /// How DNS records are applied after an item completes.
    pub enum NamefiDnsAction {
        Add = "add",
        Set = "set",
    }
}

wire_enum! {
    /// A DNS record type.
    pub enum NamefiDnsRecordType {
        A = "A",
        Aaaa = "AAAA",
        Cname = "CNAME",
        Mx = "MX",
        Txt = "TXT",
        Ns = "NS",
        Soa = "SOA",
        Ptr = "PTR",
        Srv = "SRV",
        Caa = "CAA",
        Ds = "DS",
        Tlsa = "TLSA",
        Sshfp = "SSHFP",
        Https = "HTTPS",
        Svcb = "SVCB",
        Naptr = "NAPTR",
        Spf = "SPF",
    }
}

wire_struct! {
    /// The whole reply: the order with its items, payments and owner.
    pub struct NamefiOrderDetails {
        /// The order itself.
        required order: NamefiOrder = "order",
        /// One item per domain operation; empty for an NFSC top-up.
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
        /// Wallet the domain NFTs go to; `null` until one is chosen.
        nullable nft_wallet_address: String = "nftWalletAddress",
        /// Chain id of that wallet; `null` until one is chosen.
        nullable nft_chain_id: i32 = "nftChainId",
        /// Open metadata map with a few known keys.
        optional_nullable metadata: NamefiOrderMetadata = "metadata",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// RFC 3339; `null` until processing starts.
        optional_nullable started_at: String = "startedAt",
        /// RFC 3339; `null` until the order settles.
        optional_nullable finished_at: String = "finishedAt",
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
        /// Set when `startedAt`/`finishedAt` were filled in after the fact.
        optional backfilled_started_finished_at: bool = "backfilled_started_finished_at",
        /// Where an order migrated from Namefi's earlier system came from.
        optional legacy_order_metadata: NamefiLegacyOrderMetadata = "legacyOrderMetadata",
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
    /// An order migrated from Namefi's earlier system.
    pub struct NamefiLegacyOrderMetadata {
        /// `legacy`.
        required source: String = "source",
        /// `legacy-migration`.
        required migration_type: String = "type",
        /// The order's id in the earlier system.
        required legacy_order_id: String = "legacyOrderId",
        /// Whether it was paid from the NFSC balance.
        required use_nfsc_balance: bool = "useNfscBalance",
        /// When it was migrated.
        required migrated_at: String = "migratedAt",
        /// The earlier payment intent.
        optional legacy_payment_intent_id: String = "legacyPaymentIntentId",
        /// The earlier payment.
        optional legacy_payment_details: NamefiLegacyPaymentDetails = "legacyPaymentDetails",
    }
}

wire_struct! {
    /// A payment of Namefi's earlier system.
    pub struct NamefiLegacyPaymentDetails {
        /// Its status there.
        required status: String = "status",
        /// Its processor there.
        required provider: String = "provider",
        /// Its kind there.
        required payment_type: String = "paymentType",
        /// Transaction hash, for on-chain payments.
        optional tx_hash: String = "txHash",
        /// The processor's id.
        optional external_id: String = "externalId",
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
        /// Operation.
        required item_type: NamefiOrderItemType = "type",
        /// Registrar handling the domain.
        required registrar: String = "registrar",
        /// Key id used to encrypt the EPP code; `null` without one.
        nullable encryption_key_id: String = "encryptionKeyId",
        /// Encrypted EPP authorization code (imports); `null` without one.
        nullable encrypted_epp_authorization_code: String = "encryptedEppAuthorizationCode",
        /// Status; `null` before the item is scheduled.
        nullable status: NamefiOrderItemStatus = "status",
        /// Open metadata map with a few known keys.
        optional_nullable metadata: NamefiOrderItemMetadata = "metadata",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// RFC 3339; `null` until processing starts.
        optional_nullable started_at: String = "startedAt",
        /// RFC 3339; `null` until the item settles.
        optional_nullable finished_at: String = "finishedAt",
    }
}

wire_struct! {
    /// Order item metadata: an open map with a few known keys.
    pub struct NamefiOrderItemMetadata {
        /// Whether the item is a free claim.
        optional free_claim: bool = "freeClaim",
        /// Campaign the item belongs to.
        optional group_or_campaign_key: String = "groupOrCampaignKey",
        /// Claim id.
        optional claim_id: String = "claimId",
        /// The item's mint transaction.
        optional mint_transaction: NamefiMintTransaction = "mintTransaction",
        /// DNS records to apply once the item completes.
        optional post_process_order_item: NamefiPostProcess = "postProcessOrderItem",
        /// What the user must do before the item can go on.
        optional required_action: NamefiRequiredAction = "requiredAction",
        /// Why the item failed and how that was resolved.
        optional failure_details: NamefiFailureDetails = "failureDetails",
        /// Set when `startedAt`/`finishedAt` were filled in after the fact.
        optional backfilled_started_finished_at: bool = "backfilled_started_finished_at",
        /// Where an item migrated from Namefi's earlier system came from.
        optional legacy_order_item_metadata: NamefiLegacyOrderItemMetadata = "legacyOrderItemMetadata",
    }
}

wire_struct! {
    /// Work to do after an item completes.
    pub struct NamefiPostProcess {
        /// The actions, in order.
        required actions: Vec<NamefiPostProcessAction> = "actions",
    }
}

wire_struct! {
    /// One post-processing action.
    pub struct NamefiPostProcessAction {
        /// `dns-records`.
        required scope: String = "scope",
        /// Add to, or replace, the zone's records.
        required action: NamefiDnsAction = "action",
        /// The records.
        required records: Vec<NamefiDnsRecord> = "records",
    }
}

wire_struct! {
    /// A DNS record.
    pub struct NamefiDnsRecord {
        /// Record name.
        required name: String = "name",
        /// Record type.
        required record_type: NamefiDnsRecordType = "type",
        /// Record data.
        required rdata: String = "rdata",
        /// Time to live, in seconds.
        optional ttl: i32 = "ttl",
    }
}

wire_struct! {
    /// Why an item failed.
    pub struct NamefiFailureDetails {
        /// What the user had to do.
        required required_action: NamefiRequiredAction = "requiredAction",
        /// How it ended.
        required resolution: NamefiFailureResolution = "resolution",
        /// Who ended it.
        optional actor: NamefiActor = "actor",
        /// Their id.
        optional actor_id: String = "actorId",
        /// The wait that ran out, in ms.
        optional timeout_ms: SafeInt = "timeoutMs",
        /// When it was recorded.
        required recorded_at: String = "recordedAt",
    }
}

wire_struct! {
    /// An item migrated from Namefi's earlier system.
    pub struct NamefiLegacyOrderItemMetadata {
        /// `legacy`.
        required source: String = "source",
        /// `legacy-migration`.
        required migration_type: String = "type",
        /// The item's id in the earlier system.
        required legacy_item_id: String = "legacyItemId",
        /// Chain of the domain NFT.
        required chain_id: JsNumber = "chainId",
        /// Wallet the NFT went to; `null` without one.
        nullable receiving_wallet_address: String = "receivingWalletAddress",
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
        /// Processor.
        required payment_provider: NamefiPaymentProvider = "paymentProvider",
        /// The processor's reference (a Stripe payment intent, a transaction hash); `null` until there is one.
        nullable payment_provider_reference_id: String = "paymentProviderReferenceId",
        /// Order UUID; `null` for a payment not tied to an order.
        nullable order_id: String = "orderId",
        /// NFSC details (`{chainId, walletAddress}`); any JSON, as the schema leaves it open.
        nullable nfsc_payment_details: serde_json::Value = "nfscPaymentDetails",
        /// Stripe details (`{paymentMethodId?}`); any JSON, as the schema leaves it open.
        nullable stripe_payment_details: serde_json::Value = "stripePaymentDetails",
        /// Payment metadata; any JSON.
        optional_nullable metadata: serde_json::Value = "metadata",
        /// x402 details (`{buyerWalletAddress, receiverWalletAddress, network, …}`); any JSON.
        optional_nullable x402_payment_details: serde_json::Value = "x402PaymentDetails",
        /// RFC 3339.
        required created_at: String = "createdAt",
        /// RFC 3339.
        required updated_at: String = "updatedAt",
        /// RFC 3339; `null` until processing starts.
        optional_nullable started_at: String = "startedAt",
        /// RFC 3339; `null` until the payment settles.
        optional_nullable finished_at: String = "finishedAt",
    }
}

wire_struct! {
    /// The owner of the order.
    pub struct NamefiUser {
        /// User UUID.
        required id: String = "id",
        /// Primary e-mail address; `null` for a wallet-only user.
        nullable primary_email: String = "primaryEmail",
        /// Stripe customer id; `null` until the user pays by card.
        nullable stripe_customer_id: String = "stripeCustomerId",
        /// Privy user id.
        required privy_user_id: String = "privyUserId",
        /// E-mail opt-in.
        required subscribe_to_emails: bool = "subscribeToEmails",
        /// RFC 3339; `null` if never.
        nullable last_sign_in_at: String = "lastSignInAt",
        /// RFC 3339; `null` if never.
        nullable last_accessed_session_at: String = "lastAccessedSessionAt",
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
        /// Machine-readable code (`NOT_FOUND`, `UNAUTHORIZED`, `INPUT_VALIDATION_FAILED`, …).
        required code: String = "code",
        /// HTTP status the error stands for.
        optional status: u16 = "status",
        /// Human-readable message.
        required message: String = "message",
        /// Extra data (`{formErrors, fieldErrors}` for a validation error).
        raw data: serde_json::Value = "data",
    }
}
