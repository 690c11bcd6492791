// Generated from the Rust types by `npm run types`; do not edit by hand.
// Field names are the providers' own wire names.

/** Any JSON value: what a field whose shape the provider leaves open may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A network-action order, the `response` object of the reply. */
export interface CaptureOrder {
  /** Numbers ID of the asset (a CID, `bafy…`). */
  nid: string;
  /** Chain the action ran on (`polygon`). */
  blockchain: string;
  /** Token the cost is paid in (`NUM`). */
  payment_token: string;
  /** Cost, in `payment_token` units: a decimal such as `0.05` (exact in Rust; a number in JS). */
  cost: number;
  /** Gas spent, a decimal like `cost`. */
  gas: number;
  /** UUID of the network app. */
  network_app_id: string;
  /** Name of the network app (`Mint Polygon NFT`). */
  network_app_name: string;
  /** UUID of the order. */
  order_id: string;
  /** Result link; may be empty, `null` or absent until the action has a result. */
  result_url?: string | null;
  /** Order status. */
  status: CaptureOrderStatus;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * Where the network action stands (the values Capture's own app knows);
 * `completed`, `failed` and `payment_failed` are final.
 * Values the docs do not list come through as plain strings.
 */
export type CaptureOrderStatus = "submitted" | "paid" | "payment_failed" | "completed" | "failed" | (string & {});

/** The whole reply: the order with its items, payments and owner. */
export interface NamefiOrderDetails {
  /** The order itself. */
  order: NamefiOrder;
  /** One item per domain operation; empty for an NFSC top-up. */
  items: NamefiOrderItem[];
  /** Payments made for the order. */
  payments: NamefiPayment[];
  /** The user who owns the order. */
  user: NamefiUser;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** An order. */
export interface NamefiOrder {
  /** Order UUID. */
  id: string;
  /** Owner's user UUID. */
  userId: string;
  /** Status. */
  status: NamefiOrderStatus;
  /** Total in US cents. */
  amountInUSDCents: number;
  /** Wallet the domain NFTs go to; `null` until one is chosen. */
  nftWalletAddress: string | null;
  /** Chain id of that wallet; `null` until one is chosen. */
  nftChainId: number | null;
  /** Open metadata map with a few known keys. */
  metadata?: NamefiOrderMetadata | null;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** RFC 3339; `null` until processing starts. */
  startedAt?: string | null;
  /** RFC 3339; `null` until the order settles. */
  finishedAt?: string | null;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * Order status. `SUCCEEDED`, `FAILED`, `CANCELLED` and `PARTIALLY_COMPLETED` are terminal.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiOrderStatus = "CREATED" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "PARTIALLY_COMPLETED" | (string & {});

/** Order metadata: an open map (`property1`… in the docs stand for any key). */
export interface NamefiOrderMetadata {
  /** Whether the order is a free claim. */
  freeClaim?: boolean;
  /** Campaign the order belongs to. */
  groupOrCampaignKey?: string;
  /** Claim id. */
  claimId?: string;
  /** Mint transactions by key. */
  mintTransactions?: Record<string, NamefiMintTransaction>;
  /** Set when `startedAt`/`finishedAt` were filled in after the fact. */
  backfilled_started_finished_at?: boolean;
  /** Where an order migrated from Namefi's earlier system came from. */
  legacyOrderMetadata?: NamefiLegacyOrderMetadata;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** A recorded mint transaction. */
export interface NamefiMintTransaction {
  /** Transaction hash. */
  txHash: string;
  /** When it was recorded. */
  recordedAt: string;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** An order migrated from Namefi's earlier system. */
export interface NamefiLegacyOrderMetadata {
  /** `legacy`. */
  source: string;
  /** `legacy-migration`. */
  type: string;
  /** The order's id in the earlier system. */
  legacyOrderId: string;
  /** Whether it was paid from the NFSC balance. */
  useNfscBalance: boolean;
  /** When it was migrated. */
  migratedAt: string;
  /** The earlier payment intent. */
  legacyPaymentIntentId?: string;
  /** The earlier payment. */
  legacyPaymentDetails?: NamefiLegacyPaymentDetails;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** A payment of Namefi's earlier system. */
export interface NamefiLegacyPaymentDetails {
  /** Its status there. */
  status: string;
  /** Its processor there. */
  provider: string;
  /** Its kind there. */
  paymentType: string;
  /** Transaction hash, for on-chain payments. */
  txHash?: string;
  /** The processor's id. */
  externalId?: string;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** One domain operation of an order. */
export interface NamefiOrderItem {
  /** Item UUID. */
  id: string;
  /** Order UUID. */
  orderId: string;
  /** The domain, normalized. */
  normalizedDomainName: string;
  /** Price in US cents. */
  amountInUSDCents: number;
  /** Registration length. */
  durationInYears: number;
  /** Operation. */
  type: NamefiOrderItemType;
  /** Registrar handling the domain. */
  registrar: string;
  /** Key id used to encrypt the EPP code; `null` without one. */
  encryptionKeyId: string | null;
  /** Encrypted EPP authorization code (imports); `null` without one. */
  encryptedEppAuthorizationCode: string | null;
  /** Status; `null` before the item is scheduled. */
  status: NamefiOrderStatus | null;
  /** Open metadata map with a few known keys. */
  metadata?: NamefiOrderItemMetadata | null;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** RFC 3339; `null` until processing starts. */
  startedAt?: string | null;
  /** RFC 3339; `null` until the item settles. */
  finishedAt?: string | null;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * What an order item does to its domain.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiOrderItemType = "REGISTER" | "IMPORT" | "RENEW" | (string & {});

/** Order item metadata: an open map with a few known keys. */
export interface NamefiOrderItemMetadata {
  /** Whether the item is a free claim. */
  freeClaim?: boolean;
  /** Campaign the item belongs to. */
  groupOrCampaignKey?: string;
  /** Claim id. */
  claimId?: string;
  /** The item's mint transaction. */
  mintTransaction?: NamefiMintTransaction;
  /** DNS records to apply once the item completes. */
  postProcessOrderItem?: NamefiPostProcess;
  /** What the user must do before the item can go on. */
  requiredAction?: NamefiRequiredAction;
  /** Why the item failed and how that was resolved. */
  failureDetails?: NamefiFailureDetails;
  /** Set when `startedAt`/`finishedAt` were filled in after the fact. */
  backfilled_started_finished_at?: boolean;
  /** Where an item migrated from Namefi's earlier system came from. */
  legacyOrderItemMetadata?: NamefiLegacyOrderItemMetadata;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** Work to do after an item completes. */
export interface NamefiPostProcess {
  /** The actions, in order. */
  actions: NamefiPostProcessAction[];
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** One post-processing action. */
export interface NamefiPostProcessAction {
  /** `dns-records`. */
  scope: string;
  /** Add to, or replace, the zone's records. */
  action: NamefiDnsAction;
  /** The records. */
  records: NamefiDnsRecord[];
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * How DNS records are applied after an item completes.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiDnsAction = "add" | "set" | (string & {});

/** A DNS record. */
export interface NamefiDnsRecord {
  /** Record name. */
  name: string;
  /** Record type. */
  type: NamefiDnsRecordType;
  /** Record data. */
  rdata: string;
  /** Time to live, in seconds. */
  ttl?: number;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * A DNS record type.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiDnsRecordType = "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS" | "SOA" | "PTR" | "SRV" | "CAA" | "DS" | "TLSA" | "SSHFP" | "HTTPS" | "SVCB" | "NAPTR" | "SPF" | (string & {});

/**
 * What the user must do before a domain transfer can go on.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiRequiredAction = "EPP_UNLOCK_REQUIRED" | "EPP_AUTH_CODE_UPDATE_REQUIRED" | "UNDETERMINED" | (string & {});

/** Why an item failed. */
export interface NamefiFailureDetails {
  /** What the user had to do. */
  requiredAction: NamefiRequiredAction;
  /** How it ended. */
  resolution: NamefiFailureResolution;
  /** Who ended it. */
  actor?: NamefiActor;
  /** Their id. */
  actorId?: string;
  /** The wait that ran out, in ms. */
  timeoutMs?: number;
  /** When it was recorded. */
  recordedAt: string;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * How a failed item was resolved.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiFailureResolution = "USER_SIGNAL" | "TIMEOUT" | (string & {});

/**
 * Who resolved a failed item.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiActor = "USER" | "ADMIN" | (string & {});

/** An item migrated from Namefi's earlier system. */
export interface NamefiLegacyOrderItemMetadata {
  /** `legacy`. */
  source: string;
  /** `legacy-migration`. */
  type: string;
  /** The item's id in the earlier system. */
  legacyItemId: string;
  /** Chain of the domain NFT. */
  chainId: number;
  /** Wallet the NFT went to; `null` without one. */
  receivingWalletAddress: string | null;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** A payment for an order. */
export interface NamefiPayment {
  /** Payment UUID. */
  id: string;
  /** Amount in US cents. */
  amountInUSDCents: number;
  /** Status. */
  status: NamefiPaymentStatus;
  /** Processor. */
  paymentProvider: NamefiPaymentProvider;
  /** The processor's reference (a Stripe payment intent, a transaction hash); `null` until there is one. */
  paymentProviderReferenceId: string | null;
  /** Order UUID; `null` for a payment not tied to an order. */
  orderId: string | null;
  /** NFSC details (`{chainId, walletAddress}`); any JSON, as the schema leaves it open. */
  nfscPaymentDetails: JsonValue | null;
  /** Stripe details (`{paymentMethodId?}`); any JSON, as the schema leaves it open. */
  stripePaymentDetails: JsonValue | null;
  /** Payment metadata; any JSON. */
  metadata?: JsonValue | null;
  /** x402 details (`{buyerWalletAddress, receiverWalletAddress, network, …}`); any JSON. */
  x402PaymentDetails?: JsonValue | null;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** RFC 3339; `null` until processing starts. */
  startedAt?: string | null;
  /** RFC 3339; `null` until the payment settles. */
  finishedAt?: string | null;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * Payment status.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiPaymentStatus = "CREATED" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "REFUND_REQUESTED" | "REQUIRES_CAPTURE" | (string & {});

/**
 * Who processed a payment: Namefi's NFSC balance on a chain, Stripe, or x402.
 * Values the docs do not list come through as plain strings.
 */
export type NamefiPaymentProvider = "NFSC_BASE" | "NFSC_ETHEREUM" | "NFSC_ETHEREUM_SEPOLIA" | "STRIPE" | "X402" | (string & {});

/** The owner of the order. */
export interface NamefiUser {
  /** User UUID. */
  id: string;
  /** Primary e-mail address; `null` for a wallet-only user. */
  primaryEmail: string | null;
  /** Stripe customer id; `null` until the user pays by card. */
  stripeCustomerId: string | null;
  /** Privy user id. */
  privyUserId: string;
  /** E-mail opt-in. */
  subscribeToEmails: boolean;
  /** RFC 3339; `null` if never. */
  lastSignInAt: string | null;
  /** RFC 3339; `null` if never. */
  lastAccessedSessionAt: string | null;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** Order item status: the schema gives items the order's own statuses. */
export type NamefiOrderItemStatus = NamefiOrderStatus;

/** An order. */
export interface ExternalOrder {
  /** Order id. */
  id: number;
  /** Buyer's user id. */
  buyerId: number;
  /** Billing address used. */
  billingAddressId: number;
  /** `externalPayment`. */
  paymentMethod: PaymentMethod;
  /** `externalProvider`. */
  provider: OrderProvider;
  /** Type not documented. */
  providerId?: unknown;
  /** Type not documented. */
  secupayStxTransactionId?: unknown;
  /** Type not documented. */
  secupayPciTransactionId?: unknown;
  /** Payment webhook secret. */
  secupayWebhookToken: string;
  /** Total in cents of `total_price_currency`. */
  totalPriceCents: number;
  /** Currency code (`EUR`). */
  totalPriceCurrency: string;
  /** Total in ETH, decimal string. */
  totalPriceEth: string;
  /** Status (`paid` on real orders; `null` in the docs' example). */
  status?: ExternalOrderStatus | null;
  /** Type not documented. */
  failReason?: unknown;
  /** Type not documented. */
  feesCollectedAt?: unknown;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** `nft`. */
  ProductType: ProductType;
  /** The buyer; the POST reply leaves it out. */
  buyer?: Buyer;
  /** Items bought. */
  orderItems: OrderItem[];
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * How the order was paid.
 * Values the docs do not list come through as plain strings.
 */
export type PaymentMethod = "externalPayment" | (string & {});

/**
 * Who took the payment.
 * Values the docs do not list come through as plain strings.
 */
export type OrderProvider = "externalProvider" | (string & {});

/**
 * Where an order or order item stands (`paid` on real orders).
 * Values the docs do not list come through as plain strings.
 */
export type ExternalOrderStatus = "paid" | (string & {});

/**
 * What was sold.
 * Values the docs do not list come through as plain strings.
 */
export type ProductType = "nft" | (string & {});

/** The buyer of an order (personal data: handle with care). */
export interface Buyer {
  /** User id. */
  id: number;
  /** Approved by the hub. */
  approved: boolean;
  /** A company account. */
  companyUser: boolean;
  /** E-mail address. */
  email: string;
  /** Wallet address. */
  ethereumPublicAddr: string;
  /** Type not documented. */
  name?: unknown;
  /** Sign-in provider (`magiclink`). */
  provider: LoginProvider;
  /** Type not documented. */
  discordId?: unknown;
  /** Type not documented. */
  roleId?: unknown;
  /** Type not documented. */
  username?: unknown;
  /** `buyer`. */
  viewMode: ViewMode;
  /** Type not documented. */
  walletNonce?: unknown;
  /** Type not documented. */
  stripeConnectId?: unknown;
  /** Type not documented. */
  secupayExternalId?: unknown;
  /** Type not documented. */
  simplexId?: unknown;
  /** Newsletter opt-in. */
  newsletterAgreement: boolean;
  /** Locale (`en`). */
  locale: string;
  /** Type not documented. */
  approvedAt?: unknown;
  /** RFC 3339. */
  createdAt: string;
  /** Type not documented. */
  lastAccessAt?: unknown;
  /** Type not documented. */
  onboardedAt?: unknown;
  /** Type not documented. */
  removedAt?: unknown;
  /** RFC 3339. */
  updatedAt: string;
  /** IP address the account was created from. */
  ipAddress: string;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * How the buyer signs in.
 * Values the docs do not list come through as plain strings.
 */
export type LoginProvider = "magiclink" | (string & {});

/**
 * The buyer's view of the hub.
 * Values the docs do not list come through as plain strings.
 */
export type ViewMode = "buyer" | (string & {});

/** One line of an order. */
export interface OrderItem {
  /** Item id. */
  id: number;
  /** Order id. */
  orderId: number;
  /** NFT id. */
  nftId: number;
  /** Listing id. */
  listingId: number;
  /** Quantity bought. */
  quantity: number;
  /** Price in cents. */
  priceCents: number;
  /** Price in ETH, decimal string. */
  priceEths: string;
  /** Type not documented. */
  ethRecipient?: unknown;
  /** Currency code. */
  priceCurrency: string;
  /** Type not documented. */
  txId?: unknown;
  /** Type not documented. */
  paymentProvider?: unknown;
  /** Status (`paid` on real orders; `null` in the docs' example). */
  status?: ExternalOrderStatus | null;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** `nft`. */
  ProductType: ProductType;
  /** The NFT bought. */
  nft: Nft;
  /** The listing it was bought from. */
  listing: Listing;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/** An NFT of the hub. */
export interface Nft {
  /** NFT id. */
  id: number;
  /** Editions minted. */
  amount: number;
  /** Editions left. */
  availableAmount: number;
  /** Approved by the hub. */
  approved: boolean;
  /** Arweave transaction of the metadata. */
  arweaveTx: string;
  /** Type not documented. */
  chainTx?: unknown;
  /** Creator's wallet. */
  creatorPublicAddr: string;
  /** Contract address. */
  contractAddr: string;
  /** Contract name. */
  contractName: string;
  /** Network (`maticTestnet`). */
  contractNetwork: string;
  /** Type not documented. */
  coverKey?: unknown;
  /** Type not documented. */
  category?: unknown;
  /** Unlockable secret of the NFT. */
  secretPhrase: string | null;
  /** Type not documented. */
  fee?: unknown;
  /** Type not documented. */
  feeRecipient?: unknown;
  /** Free-form creator payload (it can hold `secretPhrase` too). */
  payload: JsonValue;
  /** Price in cents. */
  price: number;
  /** Price in ETH, decimal string. */
  priceEths: string;
  /** Currency code. */
  priceCurrency: string;
  /** `FIXED`. */
  priceType: PriceType;
  /** Has downloadable assets. */
  downloadable: boolean;
  /** Title. */
  title: string;
  /** Creator's user id. */
  creatorId: number;
  /** Use case id. */
  useCaseId: number;
  /** Can be upgraded. */
  upgradeable: boolean;
  /** Type not documented. */
  tokenId?: unknown;
  /** Type not documented. */
  newTokenId?: unknown;
  /** Type not documented. */
  oldTokenId?: unknown;
  /** `released`. */
  status: NftStatus;
  /** RFC 3339. */
  releaseAt: string;
  /** Bidding allowed. */
  biddingEnabled: boolean;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** Type not documented. */
  deletedAt?: unknown;
  /** Split into fractions. */
  fractionalized: boolean;
  /** Can be redeemed. */
  redeemable: boolean;
  /** Type not documented. */
  qrcodePrintfileId?: unknown;
  /** Type not documented. */
  salesContractUrl?: unknown;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * How an NFT is priced.
 * Values the docs do not list come through as plain strings.
 */
export type PriceType = "FIXED" | (string & {});

/**
 * Where an NFT stands.
 * Values the docs do not list come through as plain strings.
 */
export type NftStatus = "released" | (string & {});

/** A sale of an NFT. */
export interface Listing {
  /** Listing id. */
  id: number;
  /** Price in cents. */
  priceCents: number;
  /** Editions on sale; `null` when unlimited. */
  amount: number | null;
  /** Price in ETH, decimal string. */
  priceEths: string;
  /** Price in wei, decimal string (beyond 2^53). */
  priceWei: string;
  /** RFC 3339; `null` when open-ended. */
  activeTill: string | null;
  /** On sale now. */
  active: boolean;
  /** `auction` or `regular`. */
  type: ListingType;
  /** Listing transaction; `null` when none. */
  txHash: string | null;
  /** Currency code. */
  priceCurrency: string;
  /** Seller's user id. */
  sellerId: number;
  /** NFT id. */
  nftId: number;
  /** Type not documented. */
  captureCronId?: unknown;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  updatedAt: string;
  /** Fields the provider's docs do not mention, kept as sent. */
  [field: string]: unknown;
}

/**
 * Kind of sale.
 * Values the docs do not list come through as plain strings.
 */
export type ListingType = "auction" | "regular" | (string & {});

/**
 * One order to create. Unknown fields are refused: a misspelt
 * `buyerBillingData` would otherwise silently bill the user's first address.
 */
export interface NewExternalOrder {
  /** NFT to buy (positive integer). */
  nftId: number;
  /** Listing (sale) to buy from. */
  listingId: number;
  /** How many. */
  quantity: number;
  /** Buyer's user id on the hub. */
  buyerUserId: number;
  /** With all four fields, a new billing address; otherwise the user's first one on file. */
  buyerBillingData?: BillingData | null;
}

/** Billing address of a new order; every field optional. */
export interface BillingData {
  /** City. */
  city?: string | null;
  /** Country. */
  country?: string | null;
  /** Postal code. */
  postal?: string | null;
  /** Street. */
  street?: string | null;
}

/** Options every function takes. */
export interface CommonOptions {
  /** Time limit of each attempt, body included, in ms (1 to 2147483647). Default 10000. */
  timeoutMs?: number;
  /** Retries of a GET after the first attempt (0 to 10). Default 2. A create is never retried. */
  maxRetries?: number;
  /** Aborts the whole call, retries and waits included (`kind: "aborted"`). */
  signal?: AbortSignal;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Largest response body accepted, in bytes. Default 16777216. */
  maxResponseBytes?: number;
  /** Allows a secret (Capture `apiKey`, Namefi `apiKey`, License.rocks `apiToken`) in a browser page, where anyone can read it. */
  dangerouslyAllowBrowser?: boolean;
  /** Called before each attempt is sent. Hooks never see a credential or a header value. */
  onRequest?: (request: OrderRequestInfo) => void | Promise<void>;
  /** Called when an attempt's reply arrived, whatever its status. */
  onResponse?: (response: OrderResponseInfo) => void | Promise<void>;
  /** Called before the pause that precedes a retry. */
  onRetry?: (retry: OrderRetryInfo) => void | Promise<void>;
  /** Told, once, when a hook throws or its promise rejects (the call goes on); without it, the console is. */
  onError?: (error: unknown, context: OrderHookErrorContext) => void | Promise<void>;
}

/** What `onRequest` is told: one attempt of a call. */
export interface OrderRequestInfo {
  provider: OrderApiProvider;
  method: "GET" | "POST";
  /** The URL sent to; it holds no credential (a value that would is `"[redacted]"`). */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
}

/** What `onResponse` is told: the attempt and its reply. */
export interface OrderResponseInfo extends OrderRequestInfo {
  status: number;
  /** From sending to the status line, in ms. */
  durationMs: number;
  /** The server's `Retry-After` on an error status, in ms. */
  retryAfterMs?: number;
  /** The server's `RateLimit-*` figures, where it sent them. */
  rateLimit?: OrderRateLimit;
  /** The provider's request id (`x-request-id`, else Cloudflare's `cf-ray`), where it sent one. */
  requestId?: string;
}

/** A rate limiter's figures: requests per window, left in it, and ms until it resets. */
export interface OrderRateLimit {
  limit?: number;
  remaining?: number;
  resetMs?: number;
}

/** What `onRetry` is told: the attempt that failed and the pause before the next. */
export interface OrderRetryInfo extends OrderRequestInfo {
  /** The pause before attempt `attempt + 1`, in ms. */
  delayMs: number;
  /** `"status"`: a retryable status (`status`); `"network"`: no reply (`message`). */
  reason: "status" | "network";
  status?: number;
  retryAfterMs?: number;
  message?: string;
}

/** Which hook failed, for `onError`. */
export interface OrderHookErrorContext {
  provider: OrderApiProvider;
  hook: "onRequest" | "onResponse" | "onRetry" | "onUpdate";
}

/**
 * How a wait polls. `timeoutMs` here bounds the whole wait (default 600000);
 * each poll's attempts are bounded by `pollTimeoutMs`. The other options apply to each poll.
 */
export interface WaitOptions<Status extends string, Order> {
  /** The statuses that end the wait. Default: the final ones. */
  until?: Status[];
  /**
   * Pause between polls in ms (1 to 2147483647). Default 3000; longer when the server's
   * `Retry-After` or its rate limit (`RateLimit-Remaining`/`-Reset`) asks for it.
   */
  intervalMs?: number;
  /** Time limit of the whole wait in ms (1 to 2147483647): `kind: "timeout"` past it. Default 600000. */
  timeoutMs?: number;
  /** Time limit of each poll's attempt in ms (1 to 2147483647). Default 10000. */
  pollTimeoutMs?: number;
  /** Called with the order when its status is first read and each time it changes; see `onError`. */
  onUpdate?: (order: Order) => void | Promise<void>;
}

/** `waitForCaptureOrder`'s options: Capture's, and how to wait. Final by default: `completed`, `failed`, `payment_failed`. */
export type CaptureWaitOptions = CaptureOptions & WaitOptions<CaptureWaitStatus, CaptureOrder>;

/** The statuses `until` takes for Capture. */
export type CaptureWaitStatus = "submitted" | "paid" | "payment_failed" | "completed" | "failed";

/** `waitForNamefiOrder`'s options: Namefi's, and how to wait. Final by default: `SUCCEEDED`, `FAILED`, `CANCELLED`, `PARTIALLY_COMPLETED`. */
export type NamefiWaitOptions = NamefiOptions & WaitOptions<NamefiWaitStatus, NamefiOrderDetails>;

/** The statuses `until` takes for Namefi. */
export type NamefiWaitStatus = "CREATED" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "PARTIALLY_COMPLETED";

/** Numbers Protocol Capture. The API key is a partner secret: use it on a server or the edge. */
export interface CaptureOptions extends CommonOptions {
  apiKey: string;
  /** Default `https://node.numbersprotocol.io`, the production server. https is required except on loopback. */
  baseUrl?: string;
}

/**
 * Namefi: exactly one credential. `token` (a user JWT, sent as `Authorization: Bearer`) and `siweToken`
 * (a user's SIWE session, sent as `x-namefi-siwe-token`) are the end user's own, fine in a page; `apiKey`
 * (a Namefi API key, `nfk_...`, sent as `x-api-key`) acts for its wallet and is a secret for servers.
 */
export type NamefiOptions = NamefiCredential & CommonOptions & {
  /** Default `https://api.namefi.io/v-next`, the production server. https is required except on loopback. */
  baseUrl?: string;
};

/** Exactly one of these credentials, the others absent. */
export type NamefiCredential =
  | { token: string; siweToken?: never; apiKey?: never }
  | { siweToken: string; token?: never; apiKey?: never }
  | { apiKey: string; token?: never; siweToken?: never };

/** A License.rocks Creators Hub instance. The API token is a partner secret. */
export interface LicenseRocksOptions extends CommonOptions {
  apiToken: string;
  /** The instance, e.g. `https://hub.example.com` (a bare host means https). */
  instanceUrl: string;
}

/** Where a call failed. */
export type OrderApiErrorKind = "invalid_input" | "http" | "api" | "invalid_response" | "timeout" | "aborted" | "network" | "unknown_outcome";

/** Which API a failure belongs to. */
export type OrderApiProvider = "capture" | "namefi" | "licenseRocks";

/** Every failure: an `Error` whose `name` is `"OrderApiError"`. */
export interface OrderApiError extends Error {
  name: "OrderApiError";
  kind: OrderApiErrorKind;
  provider: OrderApiProvider;
  /** The HTTP status, where there was one. */
  status?: number;
  /** The provider's own code, where it gave one (Namefi `NOT_FOUND`, ...). */
  code?: string;
  /** For `invalid_response`: the JSON path of the first bad field. */
  path?: string;
  /** Whether trying again later can help. */
  retryable: boolean;
  /** The server's `Retry-After` on an error status, in ms, when it sent one. */
  retryAfterMs?: number;
}

/** Queries a Capture network-action order: the `response` object of the reply. */
export declare function queryCaptureOrder(orderId: string, options: CaptureOptions): Promise<CaptureOrder>;
/** Gets a Namefi order with its items, payments and user. */
export declare function getNamefiOrder(orderId: string, options: NamefiOptions): Promise<NamefiOrderDetails>;
/** Reads License.rocks orders: one per distinct id, in the order first asked for; `[]` for `[]`, with no request; at most 100,000 ids a call. */
export declare function getExternalOrders(ids: Array<number | string>, options: LicenseRocksOptions): Promise<ExternalOrder[]>;
/** Creates License.rocks orders (paid, NFT transfer started). Never retried; see `kind: "unknown_outcome"`. */
export declare function createExternalOrders(orders: NewExternalOrder[], options: LicenseRocksOptions): Promise<ExternalOrder[]>;
/**
 * Polls `getNamefiOrder` until the order's status is one of `until` (default: a final one) and resolves
 * with those details; a failed order is a result. Rejects with a non-retryable error at once, with
 * `kind: "timeout"` past `timeoutMs`, with `kind: "aborted"` when `signal` aborts.
 */
export declare function waitForNamefiOrder(orderId: string, options: NamefiWaitOptions): Promise<NamefiOrderDetails>;
/** Polls `queryCaptureOrder` until the order's status is one of `until` (default: a final one); as `waitForNamefiOrder`. */
export declare function waitForCaptureOrder(orderId: string, options: CaptureWaitOptions): Promise<CaptureOrder>;
/**
 * Yields one License.rocks order per distinct id, in the order first asked for, 100 ids a request,
 * with at most 3 requests ahead of the loop: memory stays a few batches whatever the number of
 * ids (at most 10000000, checked before any request). Leaving the loop cancels what is in flight.
 */
export declare function iterExternalOrders(ids: Array<number | string>, options: LicenseRocksOptions): AsyncGenerator<ExternalOrder, void, undefined>;
/** True for the errors this package throws, across realms and package copies. */
export declare function isOrderApiError(error: unknown): error is OrderApiError;
/** Loads the wasm. Needed only to load it early or from your own URL in a browser; a no-op in Node and Workers. */
export declare function init(moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
