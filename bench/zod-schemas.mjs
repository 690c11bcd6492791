// zod 4 schemas covering every field the Rust models check, with the same
// rules: unknown keys kept (looseObject), enum-like strings as any string,
// ids and cents as safe integers, ETH/wei amounts as decimal strings, fields the
// docs only show as null as unknown; nullable and optional where the models are.
import { z } from "zod";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const int = z.int();
const raw = z.unknown().optional();

const buyer = z.looseObject({
  id: int,
  approved: z.boolean(),
  companyUser: z.boolean(),
  email: z.string(),
  ethereumPublicAddr: z.string(),
  name: raw,
  provider: z.string(),
  discordId: raw,
  roleId: raw,
  username: raw,
  viewMode: z.string(),
  walletNonce: raw,
  stripeConnectId: raw,
  secupayExternalId: raw,
  simplexId: raw,
  newsletterAgreement: z.boolean(),
  locale: z.string(),
  approvedAt: raw,
  createdAt: z.string(),
  lastAccessAt: raw,
  onboardedAt: raw,
  removedAt: raw,
  updatedAt: z.string(),
  ipAddress: z.string(),
});

const nft = z.looseObject({
  id: int,
  amount: int,
  availableAmount: int,
  approved: z.boolean(),
  arweaveTx: z.string(),
  chainTx: raw,
  creatorPublicAddr: z.string(),
  contractAddr: z.string(),
  contractName: z.string(),
  contractNetwork: z.string(),
  coverKey: raw,
  category: raw,
  secretPhrase: z.string().nullable(),
  fee: raw,
  feeRecipient: raw,
  payload: z.unknown(),
  price: int,
  priceEths: decimal,
  priceCurrency: z.string(),
  priceType: z.string(),
  downloadable: z.boolean(),
  title: z.string(),
  creatorId: int,
  useCaseId: int,
  upgradeable: z.boolean(),
  tokenId: raw,
  newTokenId: raw,
  oldTokenId: raw,
  status: z.string(),
  releaseAt: z.string(),
  biddingEnabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: raw,
  fractionalized: z.boolean(),
  redeemable: z.boolean(),
  qrcodePrintfileId: raw,
  salesContractUrl: raw,
});

const listing = z.looseObject({
  id: int,
  priceCents: int,
  amount: int.nullable(),
  priceEths: decimal,
  priceWei: decimal,
  activeTill: z.string().nullable(),
  active: z.boolean(),
  type: z.string(),
  txHash: z.string().nullable(),
  priceCurrency: z.string(),
  sellerId: int,
  nftId: int,
  captureCronId: raw,
  createdAt: z.string(),
  updatedAt: z.string(),
});

const orderItem = z.looseObject({
  id: int,
  orderId: int,
  nftId: int,
  listingId: int,
  quantity: int,
  priceCents: int,
  priceEths: decimal,
  ethRecipient: raw,
  priceCurrency: z.string(),
  txId: raw,
  paymentProvider: raw,
  status: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ProductType: z.string(),
  nft,
  listing,
});

const externalOrder = z.looseObject({
  id: int,
  buyerId: int,
  billingAddressId: int,
  paymentMethod: z.string(),
  provider: z.string(),
  providerId: raw,
  secupayStxTransactionId: raw,
  secupayPciTransactionId: raw,
  secupayWebhookToken: z.string(),
  totalPriceCents: int,
  totalPriceCurrency: z.string(),
  totalPriceEth: decimal,
  status: z.string().nullish(),
  failReason: raw,
  feesCollectedAt: raw,
  createdAt: z.string(),
  updatedAt: z.string(),
  ProductType: z.string(),
  buyer: buyer.optional(),
  orderItems: z.array(orderItem),
});

export const externalOrdersReply = z.looseObject({ orders: z.array(externalOrder).nullable(), error: z.string().nullable() });

const int32 = z.int32();
const str = z.string();
const nullableStr = str.nullable();
// Absent in the docs' older example, present (maybe null) in production replies.
const laterStr = str.nullish();
const mint = z.looseObject({ txHash: str, recordedAt: str });
const legacyOrder = z.looseObject({
  source: str,
  type: str,
  legacyOrderId: str,
  useNfscBalance: z.boolean(),
  migratedAt: str,
  legacyPaymentIntentId: str.optional(),
  legacyPaymentDetails: z
    .looseObject({ status: str, provider: str, paymentType: str, txHash: str.optional(), externalId: str.optional() })
    .optional(),
});
const dnsRecord = z.looseObject({ name: str, type: str, rdata: str, ttl: int32.optional() });
const postProcess = z.looseObject({ actions: z.array(z.looseObject({ scope: str, action: str, records: z.array(dnsRecord) })) });
const failure = z.looseObject({
  requiredAction: str,
  resolution: str,
  actor: str.optional(),
  actorId: str.optional(),
  timeoutMs: int.optional(),
  recordedAt: str,
});
const legacyItem = z.looseObject({ source: str, type: str, legacyItemId: str, chainId: z.number(), receivingWalletAddress: nullableStr });
export const namefiOrderDetails = z.looseObject({
  order: z.looseObject({
    id: str,
    userId: str,
    status: str,
    amountInUSDCents: int32,
    nftWalletAddress: nullableStr,
    nftChainId: int32.nullable(),
    metadata: z
      .looseObject({
        freeClaim: z.boolean().optional(),
        groupOrCampaignKey: str.optional(),
        claimId: str.optional(),
        mintTransactions: z.record(str, mint).optional(),
        backfilled_started_finished_at: z.boolean().optional(),
        legacyOrderMetadata: legacyOrder.optional(),
      })
      .nullish(),
    createdAt: str,
    updatedAt: str,
    startedAt: laterStr,
    finishedAt: laterStr,
  }),
  items: z.array(
    z.looseObject({
      id: str,
      orderId: str,
      normalizedDomainName: str,
      amountInUSDCents: int32,
      durationInYears: int32,
      type: str,
      registrar: str,
      encryptionKeyId: nullableStr,
      encryptedEppAuthorizationCode: nullableStr,
      status: nullableStr,
      metadata: z
        .looseObject({
          freeClaim: z.boolean().optional(),
          groupOrCampaignKey: str.optional(),
          claimId: str.optional(),
          mintTransaction: mint.optional(),
          postProcessOrderItem: postProcess.optional(),
          requiredAction: str.optional(),
          failureDetails: failure.optional(),
          backfilled_started_finished_at: z.boolean().optional(),
          legacyOrderItemMetadata: legacyItem.optional(),
        })
        .nullish(),
      createdAt: str,
      updatedAt: str,
      startedAt: laterStr,
      finishedAt: laterStr,
    }),
  ),
  payments: z.array(
    z.looseObject({
      id: str,
      amountInUSDCents: int32,
      status: str,
      paymentProvider: str,
      paymentProviderReferenceId: nullableStr,
      orderId: nullableStr,
      nfscPaymentDetails: z.unknown(),
      stripePaymentDetails: z.unknown(),
      metadata: raw,
      x402PaymentDetails: raw,
      createdAt: str,
      updatedAt: str,
      startedAt: laterStr,
      finishedAt: laterStr,
    }),
  ),
  user: z.looseObject({
    id: str,
    primaryEmail: nullableStr,
    stripeCustomerId: nullableStr,
    privyUserId: str,
    subscribeToEmails: z.boolean(),
    lastSignInAt: nullableStr,
    lastAccessedSessionAt: nullableStr,
    createdAt: str,
    updatedAt: str,
  }),
});

export const captureReply = z.looseObject({
  status: z.literal("success"),
  response: z.looseObject({
    nid: z.string(),
    blockchain: z.string(),
    payment_token: z.string(),
    cost: z.number(),
    gas: z.number(),
    network_app_id: z.string(),
    network_app_name: z.string(),
    order_id: z.string(),
    result_url: z.string().nullish(),
    status: z.string(),
  }),
});
