//! Numbers Protocol Capture: `GET /api/1.1/wf/queryOrder?order_id=…`.
//! Shapes from the "Query Network-Action Orders" page (fixture `capture/query-order.200.json`),
//! with the statuses and decimal costs real orders carry.

use super::wire::{wire_enum, wire_struct, JsNumber};

wire_enum! {
    /// The reply's top-level `status`; anything but `success` is an error reply.
    pub enum CaptureReplyStatus {
        Success = "success",
    }
}

wire_enum! {
    /// Where the network action stands (the values Capture's own app knows);
    /// `completed`, `failed` and `payment_failed` are final.
    pub enum CaptureOrderStatus {
        Submitted = "submitted",
        Paid = "paid",
        PaymentFailed = "payment_failed",
        Completed = "completed",
        Failed = "failed",
    }
}

wire_struct! {
    /// The whole reply: `{"status": "success", "response": {...}}`.
    pub struct CaptureReply {
        /// `success` on success.
        required status: CaptureReplyStatus = "status",
        /// The order.
        required response: CaptureOrder = "response",
    }
}

wire_struct! {
    /// A network-action order, the `response` object of the reply.
    pub struct CaptureOrder {
        /// Numbers ID of the asset (a CID, `bafy…`).
        required nid: String = "nid",
        /// Chain the action ran on (`polygon`).
        required blockchain: String = "blockchain",
        /// Token the cost is paid in (`NUM`).
        required payment_token: String = "payment_token",
        /// Cost, in `payment_token` units: a decimal such as `0.05` (exact in Rust; a number in JS).
        required cost: JsNumber = "cost",
        /// Gas spent, a decimal like `cost`.
        required gas: JsNumber = "gas",
        /// UUID of the network app.
        required network_app_id: String = "network_app_id",
        /// Name of the network app (`Mint Polygon NFT`).
        required network_app_name: String = "network_app_name",
        /// UUID of the order.
        required order_id: String = "order_id",
        /// Result link; may be empty, `null` or absent until the action has a result.
        optional_nullable result_url: String = "result_url",
        /// Order status.
        required status: CaptureOrderStatus = "status",
    }
}
