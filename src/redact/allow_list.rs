//! The allow-list: every field the providers document, with what it holds.

use super::{Class, Shape};

/// A License.rocks order as the Worker may return it (docs/worker.md
/// lists these fields).
pub const EXTERNAL_ORDER: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("buyerId", Class::Public, Shape::Scalar),
    ("billingAddressId", Class::Public, Shape::Scalar),
    ("paymentMethod", Class::Public, Shape::Scalar),
    ("provider", Class::Public, Shape::Scalar),
    ("providerId", Class::Personal, Shape::Scalar),
    ("secupayStxTransactionId", Class::Secret, Shape::Scalar),
    ("secupayPciTransactionId", Class::Secret, Shape::Scalar),
    ("secupayWebhookToken", Class::Secret, Shape::Scalar),
    ("totalPriceCents", Class::Public, Shape::Scalar),
    ("totalPriceCurrency", Class::Public, Shape::Scalar),
    ("totalPriceEth", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
    ("failReason", Class::Public, Shape::Scalar),
    ("feesCollectedAt", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("ProductType", Class::Public, Shape::Scalar),
    ("buyer", Class::Public, BUYER),
    ("orderItems", Class::Public, Shape::List(&ORDER_ITEM)),
]);

/// The buyer: its ids and flags are public; whatever identifies or reaches the
/// person is personal (the wallet address too: License.rocks' docs count it as
/// personal data, and it links the person to everything on chain).
const BUYER: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("approved", Class::Public, Shape::Scalar),
    ("companyUser", Class::Public, Shape::Scalar),
    ("email", Class::Personal, Shape::Scalar),
    ("ethereumPublicAddr", Class::Personal, Shape::Scalar),
    ("name", Class::Personal, Shape::Scalar),
    ("provider", Class::Public, Shape::Scalar),
    ("discordId", Class::Personal, Shape::Scalar),
    ("roleId", Class::Public, Shape::Scalar),
    ("username", Class::Personal, Shape::Scalar),
    ("viewMode", Class::Public, Shape::Scalar),
    ("walletNonce", Class::Secret, Shape::Scalar),
    ("stripeConnectId", Class::Personal, Shape::Scalar),
    ("secupayExternalId", Class::Personal, Shape::Scalar),
    ("simplexId", Class::Personal, Shape::Scalar),
    ("newsletterAgreement", Class::Public, Shape::Scalar),
    ("locale", Class::Public, Shape::Scalar),
    ("approvedAt", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("lastAccessAt", Class::Public, Shape::Scalar),
    ("onboardedAt", Class::Public, Shape::Scalar),
    ("removedAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("ipAddress", Class::Personal, Shape::Scalar),
]);

const ORDER_ITEM: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("orderId", Class::Public, Shape::Scalar),
    ("nftId", Class::Public, Shape::Scalar),
    ("listingId", Class::Public, Shape::Scalar),
    ("quantity", Class::Public, Shape::Scalar),
    ("priceCents", Class::Public, Shape::Scalar),
    ("priceEths", Class::Public, Shape::Scalar),
    // The wallet the buyer's ETH went to or came from.
    ("ethRecipient", Class::Personal, Shape::Scalar),
    ("priceCurrency", Class::Public, Shape::Scalar),
    ("txId", Class::Public, Shape::Scalar),
    ("paymentProvider", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("ProductType", Class::Public, Shape::Scalar),
    ("nft", Class::Public, NFT),
    ("listing", Class::Public, LISTING),
]);

const NFT: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("amount", Class::Public, Shape::Scalar),
    ("availableAmount", Class::Public, Shape::Scalar),
    ("approved", Class::Public, Shape::Scalar),
    ("arweaveTx", Class::Public, Shape::Scalar),
    ("chainTx", Class::Public, Shape::Scalar),
    ("creatorPublicAddr", Class::Public, Shape::Scalar),
    ("contractAddr", Class::Public, Shape::Scalar),
    ("contractName", Class::Public, Shape::Scalar),
    ("contractNetwork", Class::Public, Shape::Scalar),
    ("coverKey", Class::Public, Shape::Scalar),
    ("category", Class::Public, Shape::Scalar),
    ("secretPhrase", Class::Secret, Shape::Scalar),
    ("fee", Class::Public, Shape::Scalar),
    ("feeRecipient", Class::Public, Shape::Scalar),
    ("payload", Class::Public, NFT_PAYLOAD),
    ("price", Class::Public, Shape::Scalar),
    ("priceEths", Class::Public, Shape::Scalar),
    ("priceCurrency", Class::Public, Shape::Scalar),
    ("priceType", Class::Public, Shape::Scalar),
    ("downloadable", Class::Public, Shape::Scalar),
    ("title", Class::Public, Shape::Scalar),
    ("creatorId", Class::Public, Shape::Scalar),
    ("useCaseId", Class::Public, Shape::Scalar),
    ("upgradeable", Class::Public, Shape::Scalar),
    ("tokenId", Class::Public, Shape::Scalar),
    ("newTokenId", Class::Public, Shape::Scalar),
    ("oldTokenId", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
    ("releaseAt", Class::Public, Shape::Scalar),
    ("biddingEnabled", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
    ("deletedAt", Class::Public, Shape::Scalar),
    ("fractionalized", Class::Public, Shape::Scalar),
    ("redeemable", Class::Public, Shape::Scalar),
    ("qrcodePrintfileId", Class::Public, Shape::Scalar),
    ("salesContractUrl", Class::Public, Shape::Scalar),
]);

/// A file of the NFT's listing page (cover, audio preview).
const MEDIA: Shape = Shape::Object(&[
    ("path", Class::Public, Shape::Scalar),
    ("altName", Class::Public, Shape::Scalar),
    ("preview", Class::Public, Shape::Scalar),
]);

/// The NFT's free-form payload, as far as the docs show it. The secret phrase
/// and the downloadable assets are what the buyer paid for.
const NFT_PAYLOAD: Shape = Shape::Object(&[
    ("title", Class::Public, Shape::Scalar),
    ("description", Class::Public, Shape::Scalar),
    ("cover", Class::Public, Shape::List(&MEDIA)),
    ("audio", Class::Public, Shape::List(&MEDIA)),
    ("amount", Class::Public, Shape::Scalar),
    ("amountType", Class::Public, Shape::Scalar),
    ("currency", Class::Public, Shape::Scalar),
    ("startingPrice", Class::Public, Shape::Scalar),
    ("licenseType", Class::Public, Shape::Scalar),
    ("useCaseId", Class::Public, Shape::Scalar),
    ("owner", Class::Public, Shape::Scalar),
    ("terms", Class::Public, Shape::Scalar),
    ("storageOption", Class::Public, Shape::Scalar),
    ("nftToUpgrade", Class::Public, Shape::Scalar),
    ("biddingEnabled", Class::Public, Shape::Scalar),
    ("bonusMediaEnabled", Class::Public, Shape::Scalar),
    ("salesContractEnabled", Class::Public, Shape::Scalar),
    (
        "initialSalesFees",
        Class::Public,
        Shape::List(&Shape::Scalar),
    ),
    (
        "secondarySalesFees",
        Class::Public,
        Shape::List(&Shape::Scalar),
    ),
    ("secretPhrase", Class::Secret, Shape::Scalar),
    ("downloadableAsset", Class::Secret, Shape::List(&MEDIA)),
]);

const LISTING: Shape = Shape::Object(&[
    ("id", Class::Public, Shape::Scalar),
    ("priceCents", Class::Public, Shape::Scalar),
    ("amount", Class::Public, Shape::Scalar),
    ("priceEths", Class::Public, Shape::Scalar),
    ("priceWei", Class::Public, Shape::Scalar),
    ("activeTill", Class::Public, Shape::Scalar),
    ("active", Class::Public, Shape::Scalar),
    ("type", Class::Public, Shape::Scalar),
    ("txHash", Class::Public, Shape::Scalar),
    ("priceCurrency", Class::Public, Shape::Scalar),
    ("sellerId", Class::Public, Shape::Scalar),
    ("nftId", Class::Public, Shape::Scalar),
    ("captureCronId", Class::Public, Shape::Scalar),
    ("createdAt", Class::Public, Shape::Scalar),
    ("updatedAt", Class::Public, Shape::Scalar),
]);

/// A Capture order: every documented field is public.
pub const CAPTURE_ORDER: Shape = Shape::Object(&[
    ("nid", Class::Public, Shape::Scalar),
    ("blockchain", Class::Public, Shape::Scalar),
    ("payment_token", Class::Public, Shape::Scalar),
    ("cost", Class::Public, Shape::Scalar),
    ("gas", Class::Public, Shape::Scalar),
    ("network_app_id", Class::Public, Shape::Scalar),
    ("network_app_name", Class::Public, Shape::Scalar),
    ("order_id", Class::Public, Shape::Scalar),
    ("result_url", Class::Public, Shape::Scalar),
    ("status", Class::Public, Shape::Scalar),
]);
