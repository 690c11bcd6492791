// zod 4 schemas covering every field the Rust models check, with the same
// rules: unknown keys kept (looseObject), enum-like strings as any string,
// ids and cents as safe integers, ETH/wei amounts as decimal strings, fields the
// docs only show as null as unknown.
import { z } from "zod";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const int = z.int();
const raw = z.unknown().optional();

const buyer = z.looseObject({
  id: int, approved: z.boolean(), companyUser: z.boolean(), email: z.string(), ethereumPublicAddr: z.string(),
  name: raw, provider: z.string(), discordId: raw, roleId: raw, username: raw, viewMode: z.string(), walletNonce: raw,
  stripeConnectId: raw, secupayExternalId: raw, simplexId: raw, newsletterAgreement: z.boolean(), locale: z.string(),
  approvedAt: raw, createdAt: z.string(), lastAccessAt: raw, onboardedAt: raw, removedAt: raw, updatedAt: z.string(), ipAddress: z.string(),
});

const nft = z.looseObject({
  id: int, amount: int, availableAmount: int, approved: z.boolean(), arweaveTx: z.string(), chainTx: raw,
  creatorPublicAddr: z.string(), contractAddr: z.string(), contractName: z.string(), contractNetwork: z.string(),
  coverKey: raw, category: raw, secretPhrase: z.string().nullable(), fee: raw, feeRecipient: raw, payload: z.unknown(),
  price: int, priceEths: decimal, priceCurrency: z.string(), priceType: z.string(), downloadable: z.boolean(),
  title: z.string(), creatorId: int, useCaseId: int, upgradeable: z.boolean(), tokenId: raw, newTokenId: raw, oldTokenId: raw,
  status: z.string(), releaseAt: z.string(), biddingEnabled: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
  deletedAt: raw, fractionalized: z.boolean(), redeemable: z.boolean(), qrcodePrintfileId: raw, salesContractUrl: raw,
});

const listing = z.looseObject({
  id: int, priceCents: int, amount: int.nullable(), priceEths: decimal, priceWei: decimal, activeTill: z.string().nullable(),
  active: z.boolean(), type: z.string(), txHash: z.string().nullable(), priceCurrency: z.string(), sellerId: int, nftId: int,
  captureCronId: raw, createdAt: z.string(), updatedAt: z.string(),
});

const orderItem = z.looseObject({
  id: int, orderId: int, nftId: int, listingId: int, quantity: int, priceCents: int, priceEths: decimal, ethRecipient: raw,
  priceCurrency: z.string(), txId: raw, paymentProvider: raw, status: raw, createdAt: z.string(), updatedAt: z.string(),
  ProductType: z.string(), nft, listing,
});

const externalOrder = z.looseObject({
  id: int, buyerId: int, billingAddressId: int, paymentMethod: z.string(), provider: z.string(), providerId: raw,
  secupayStxTransactionId: raw, secupayPciTransactionId: raw, secupayWebhookToken: z.string(), totalPriceCents: int,
  totalPriceCurrency: z.string(), totalPriceEth: decimal, status: raw, failReason: raw, feesCollectedAt: raw,
  createdAt: z.string(), updatedAt: z.string(), ProductType: z.string(), buyer: buyer.optional(), orderItems: z.array(orderItem),
});

export const externalOrdersReply = z.looseObject({ orders: z.array(externalOrder).nullable(), error: z.string().nullable() });

const int32 = z.int32();
const mint = z.looseObject({ txHash: z.string(), recordedAt: z.string() });
export const namefiOrderDetails = z.looseObject({
  order: z.looseObject({
    id: z.string(), userId: z.string(), status: z.string(), amountInUSDCents: int32, nftWalletAddress: z.string(), nftChainId: int32,
    metadata: z.looseObject({ freeClaim: z.boolean().optional(), groupOrCampaignKey: z.string().optional(), claimId: z.string().optional(), mintTransactions: z.record(z.string(), mint).optional() }),
    createdAt: z.string(), updatedAt: z.string(),
  }),
  items: z.array(z.looseObject({
    id: z.string(), orderId: z.string(), normalizedDomainName: z.string(), amountInUSDCents: int32, durationInYears: int32, type: z.string(),
    registrar: z.string(), encryptionKeyId: z.string(), encryptedEppAuthorizationCode: z.string(), status: z.string(),
    metadata: z.looseObject({ freeClaim: z.boolean().optional(), groupOrCampaignKey: z.string().optional(), claimId: z.string().optional(), mintTransaction: mint.optional() }),
    createdAt: z.string(), updatedAt: z.string(),
  })),
  payments: z.array(z.looseObject({
    id: z.string(), amountInUSDCents: int32, status: z.string(), paymentProvider: z.string(), paymentProviderReferenceId: z.string(),
    orderId: z.string(), nfscPaymentDetails: z.string(), stripePaymentDetails: z.string(), createdAt: z.string(), updatedAt: z.string(),
  })),
  user: z.looseObject({
    id: z.string(), primaryEmail: z.string(), stripeCustomerId: z.string(), privyUserId: z.string(), subscribeToEmails: z.boolean(),
    lastSignInAt: z.string(), lastAccessedSessionAt: z.string(), createdAt: z.string(), updatedAt: z.string(),
  }),
});

export const captureReply = z.looseObject({
  status: z.literal("success"),
  response: z.looseObject({
    nid: z.string(), blockchain: z.string(), payment_token: z.string(), cost: z.number(), gas: z.number(), network_app_id: z.string(),
    network_app_name: z.string(), order_id: z.string(), result_url: z.string(), status: z.string(),
  }),
});
