import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Scheduler } from '../scheduler';
import type { InvokeOutcome, RunningInvocation } from '../runtime/function-runtime';

/**
 * cloud.cloudPay.* (WeChat Pay v2 through the cloud's private channel), recorded instead of charged.
 * Requests and replies are snake_case here, as on the wire; wx-server-sdk converts them to camelCase.
 * Payment happens when someone presses "confirm" (POST /api/_emulator/pay/:outTradeNo/confirm); the
 * order's callback function is then notified the way WeChat Pay does, and again on WeChat's retry
 * schedule (in emulator time) until it answers { errcode: 0 }.
 */

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface Notification {
  functionName: string;
  event: Record<string, unknown>;
  attempts: number;
  acknowledged: boolean;
  lastReply?: unknown;
  nextAttemptAt?: string;
  /** Why it will never be delivered (wrong env, no function). */
  undeliverable?: string;
}

export interface PayOrder {
  outTradeNo: string;
  body: string;
  attach?: string;
  totalFee: number;
  subMchId: string;
  envId: string;
  functionName: string;
  openid: string;
  tradeType: string;
  prepayId: string;
  state: TradeState;
  createdAt: string;
  paidAt?: string;
  transactionId?: string;
  timeEnd?: string;
  notification?: Notification;
}

export interface PayRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  transactionId: string;
  totalFee: number;
  refundFee: number;
  createdAt: string;
  reply: Record<string, unknown>;
  notification?: Notification;
}

export interface PayCall {
  api: string;
  at: string;
  openid?: string;
  request: Record<string, unknown>;
  reply: Record<string, unknown>;
}

export interface PayState {
  orders: PayOrder[];
  refunds: PayRefund[];
  calls: PayCall[];
}

export interface CloudPayOptions {
  clock: Clock;
  scheduler: Scheduler;
  envId: string;
  appid: string;
  /** Runs a callback function the way the payment platform does (no user identity, SOURCE wx_paycallback). */
  notify: (functionName: string, event: Record<string, unknown>) => Promise<InvokeOutcome>;
  /** Whether a function exists, so a typo in functionName shows up in the payments view. */
  functionExists: (name: string) => boolean;
}

/** WeChat Pay's notification retry intervals, in seconds (15s, 15s, 30s, 3m, 10m, 20m, 30m x3, 1h, 3h x3, 6h x2). */
export const NOTIFY_RETRY_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];

const MCH_ID = '1800000001';
const JOB_PREFIX = 'pay-notify:';

export class PayError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class CloudPay {
  private orders = new Map<string, PayOrder>();
  private refunds = new Map<string, PayRefund>();
  private calls: PayCall[] = [];

  constructor(private readonly options: CloudPayOptions) {}

  /** A cloudPay.<api> call from a function (caller = the invocation it runs in, if known). */
  handle(api: string, request: Record<string, unknown>, caller?: RunningInvocation): Record<string, unknown> {
    const reply = this.dispatch(api, request, caller);
    this.calls.push({ api, at: this.isoNow(), openid: caller?.openid, request, reply });
    return reply;
  }

  /** The H5 "confirm payment" button: the user paid; WeChat Pay notifies the order's callback function. */
  async confirm(outTradeNo: string): Promise<PayOrder> {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new PayError(404, `no unifiedOrder with outTradeNo ${outTradeNo}`);
    if (order.state === 'CLOSED') throw new PayError(409, `order ${outTradeNo} is closed`);
    if (order.state !== 'NOTPAY') return order;
    const now = this.options.clock.now();
    order.state = 'SUCCESS';
    order.paidAt = new Date(now).toISOString();
    order.transactionId = `4200${shanghaiStamp(now)}${digits(10)}`;
    order.timeEnd = shanghaiStamp(now);
    order.notification = this.notification(order.envId, order.functionName, this.paymentEvent(order));
    await this.deliver(`${JOB_PREFIX}order:${order.outTradeNo}`, order.notification);
    return order;
  }

  state(): PayState {
    return { orders: [...this.orders.values()], refunds: [...this.refunds.values()], calls: this.calls };
  }

  reset(): void {
    this.orders.clear();
    this.refunds.clear();
    this.calls = [];
    this.options.scheduler.cancel(JOB_PREFIX);
  }

  restore(state: PayState): void {
    this.reset();
    for (const order of state.orders) this.orders.set(order.outTradeNo, order);
    for (const refund of state.refunds) this.refunds.set(refund.outRefundNo, refund);
    this.calls = state.calls;
    for (const order of state.orders) this.resumeRetries(`${JOB_PREFIX}order:${order.outTradeNo}`, order.notification);
    for (const refund of state.refunds) this.resumeRetries(`${JOB_PREFIX}refund:${refund.outRefundNo}`, refund.notification);
  }

  private dispatch(api: string, request: Record<string, unknown>, caller?: RunningInvocation): Record<string, unknown> {
    switch (api) {
      case 'unifiedOrder':
        return this.unifiedOrder(request, caller);
      case 'queryOrder':
        return this.queryOrder(request);
      case 'closeOrder':
        return this.closeOrder(request);
      case 'refund':
        return this.refund(request);
      default:
        return { return_code: 'FAIL', return_msg: `cloudPay.${api} is not emulated by the local CloudBase` };
    }
  }

  private unifiedOrder(request: Record<string, unknown>, caller?: RunningInvocation): Record<string, unknown> {
    const missing = ['body', 'out_trade_no', 'total_fee', 'spbill_create_ip', 'sub_mch_id', 'env_id', 'function_name'].find(
      (field) => request[field] === undefined || request[field] === '',
    );
    if (missing) return { return_code: 'FAIL', return_msg: `${missing} is required` };
    const totalFee = request.total_fee;
    if (!Number.isInteger(totalFee) || (totalFee as number) <= 0) {
      return { return_code: 'FAIL', return_msg: 'total_fee must be a positive integer number of fen' };
    }
    const outTradeNo = String(request.out_trade_no);
    if (!/^[0-9A-Za-z_\-|*@]{1,32}$/.test(outTradeNo)) {
      return { return_code: 'FAIL', return_msg: 'out_trade_no must be 1-32 letters, digits, _ - | * @' };
    }
    const tradeType = typeof request.trade_type === 'string' ? request.trade_type : 'JSAPI';
    const openid = stringOr(request.sub_openid, stringOr(request.openid, caller?.openid ?? ''));
    if (tradeType === 'JSAPI' && !openid) return this.businessFailure(request, 'PARAM_ERROR', 'JSAPI支付必须传openid');

    const existing = this.orders.get(outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return this.businessFailure(request, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return this.businessFailure(request, 'ORDERCLOSED', '该订单已关闭');
      if (existing.totalFee !== totalFee || existing.body !== String(request.body)) {
        return this.businessFailure(request, 'INVALID_REQUEST', '201 商户订单号重复');
      }
      return this.orderReply(existing, request);
    }
    const order: PayOrder = {
      outTradeNo,
      body: String(request.body),
      attach: typeof request.attach === 'string' ? request.attach : undefined,
      totalFee: totalFee as number,
      subMchId: String(request.sub_mch_id),
      envId: String(request.env_id),
      functionName: String(request.function_name),
      openid,
      tradeType,
      prepayId: `wx${shanghaiStamp(this.options.clock.now())}${randomBytes(10).toString('hex')}`,
      state: 'NOTPAY',
      createdAt: this.isoNow(),
    };
    this.orders.set(outTradeNo, order);
    return this.orderReply(order, request);
  }

  private orderReply(order: PayOrder, request: Record<string, unknown>): Record<string, unknown> {
    const nonceStr = randomBytes(8).toString('hex');
    const timeStamp = String(Math.floor(this.options.clock.now() / 1000));
    const pkg = `prepay_id=${order.prepayId}`;
    return {
      ...this.merchantFields(request),
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      trade_type: order.tradeType,
      prepay_id: order.prepayId,
      // What the client passes to wx.requestPayment as is.
      payment: {
        appId: this.options.appid,
        timeStamp,
        nonceStr,
        package: pkg,
        signType: 'MD5',
        paySign: sign({ appId: this.options.appid, timeStamp, nonceStr, package: pkg }),
      },
    };
  }

  private queryOrder(request: Record<string, unknown>): Record<string, unknown> {
    const order = this.findOrder(request);
    if (!order) return this.businessFailure(request, 'ORDERNOTEXIST', '订单不存在');
    const description: Record<TradeState, string> = { NOTPAY: '订单未支付', SUCCESS: '支付成功', CLOSED: '订单已关闭', REFUND: '订单发生过退款' };
    return {
      ...this.merchantFields(request),
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      trade_state: order.state,
      trade_state_desc: description[order.state],
      out_trade_no: order.outTradeNo,
      total_fee: order.totalFee,
      fee_type: 'CNY',
      trade_type: order.tradeType,
      sub_openid: order.openid,
      attach: order.attach,
      ...(order.transactionId
        ? { transaction_id: order.transactionId, time_end: order.timeEnd, cash_fee: order.totalFee, bank_type: 'OTHERS' }
        : {}),
    };
  }

  private closeOrder(request: Record<string, unknown>): Record<string, unknown> {
    const order = this.findOrder(request);
    if (!order) return this.businessFailure(request, 'ORDERNOTEXIST', '订单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return this.businessFailure(request, 'ORDERPAID', '订单已支付，不能发起关单');
    order.state = 'CLOSED';
    return { ...this.merchantFields(request), return_code: 'SUCCESS', return_msg: 'OK', result_code: 'SUCCESS' };
  }

  private refund(request: Record<string, unknown>): Record<string, unknown> {
    const outRefundNo = request.out_refund_no;
    if (typeof outRefundNo !== 'string' || outRefundNo === '') return { return_code: 'FAIL', return_msg: 'out_refund_no is required' };
    const previous = this.refunds.get(outRefundNo);
    if (previous) return previous.reply; // same out_refund_no: the same refund, never a second one

    const order = this.findOrder(request);
    if (!order) return this.businessFailure(request, 'ORDERNOTEXIST', '订单不存在');
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return this.businessFailure(request, 'TRADE_STATE_ERROR', '订单状态错误');
    const refundFee = request.refund_fee;
    if (request.total_fee !== order.totalFee) {
      return this.businessFailure(request, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
    }
    if (!Number.isInteger(refundFee) || (refundFee as number) <= 0) {
      return { return_code: 'FAIL', return_msg: 'refund_fee must be a positive integer number of fen' };
    }
    const alreadyRefunded = [...this.refunds.values()]
      .filter((refund) => refund.outTradeNo === order.outTradeNo)
      .reduce((sum, refund) => sum + refund.refundFee, 0);
    if (alreadyRefunded + (refundFee as number) > order.totalFee) {
      return this.businessFailure(request, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    }

    const refundId = `5030${shanghaiStamp(this.options.clock.now())}${digits(10)}`;
    const reply = {
      ...this.merchantFields(request),
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'SUCCESS',
      transaction_id: order.transactionId,
      out_trade_no: order.outTradeNo,
      out_refund_no: outRefundNo,
      refund_id: refundId,
      refund_fee: refundFee,
      total_fee: order.totalFee,
      cash_fee: order.totalFee,
      cash_refund_fee: refundFee,
      coupon_refund_fee: 0,
      coupon_refund_count: 0,
    };
    const refund: PayRefund = {
      outRefundNo,
      refundId,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId!,
      totalFee: order.totalFee,
      refundFee: refundFee as number,
      createdAt: this.isoNow(),
      reply,
    };
    order.state = 'REFUND';
    this.refunds.set(outRefundNo, refund);
    if (typeof request.function_name === 'string' && request.function_name !== '') {
      // The refund settles after the call returns; its notification follows, like the real one.
      refund.notification = this.notification(stringOr(request.env_id, ''), request.function_name, this.refundEvent(refund));
      const label = `${JOB_PREFIX}refund:${outRefundNo}`;
      this.options.scheduler.schedule(label, this.options.clock.now(), () => this.deliver(label, refund.notification!));
      setImmediate(() => void this.options.scheduler.runDue());
    }
    return reply;
  }

  private notification(envId: string, functionName: string, event: Record<string, unknown>): Notification {
    const notification: Notification = { functionName, event, attempts: 0, acknowledged: false };
    if (envId !== this.options.envId) notification.undeliverable = `env_id "${envId}" is not this environment (${this.options.envId})`;
    else if (!this.options.functionExists(functionName)) notification.undeliverable = `no cloud function named "${functionName}"`;
    return notification;
  }

  /** One delivery attempt; schedules the next one (emulator time) while the callback does not acknowledge. */
  private async deliver(label: string, notification: Notification): Promise<Notification> {
    if (notification.undeliverable || notification.acknowledged) return notification;
    notification.attempts += 1;
    const outcome = await this.options.notify(notification.functionName, notification.event);
    notification.lastReply = outcome.ok ? outcome.result : { error: outcome.error.message };
    notification.acknowledged = outcome.ok && (outcome.result as { errcode?: unknown } | null)?.errcode === 0;
    notification.nextAttemptAt = undefined;
    const delaySeconds = NOTIFY_RETRY_SECONDS[notification.attempts - 1];
    if (!notification.acknowledged && delaySeconds !== undefined) {
      const dueAt = this.options.clock.now() + delaySeconds * 1000;
      notification.nextAttemptAt = new Date(dueAt).toISOString();
      this.options.scheduler.schedule(label, dueAt, () => this.deliver(label, notification));
    }
    return notification;
  }

  private resumeRetries(label: string, notification: Notification | undefined): void {
    if (!notification?.nextAttemptAt || notification.acknowledged) return;
    this.options.scheduler.schedule(label, Date.parse(notification.nextAttemptAt), () => this.deliver(label, notification));
  }

  /** The payment notification event, as the callback function receives it (WeChat Pay v2 fields, camelCase). */
  private paymentEvent(order: PayOrder): Record<string, unknown> {
    return {
      returnCode: 'SUCCESS',
      appid: this.options.appid,
      mchId: MCH_ID,
      subAppid: this.options.appid,
      subMchId: order.subMchId,
      nonceStr: randomBytes(8).toString('hex'),
      resultCode: 'SUCCESS',
      // The service provider's openid of the payer differs from the mini program's (subOpenid).
      openid: providerOpenid(order.openid),
      isSubscribe: 'N',
      subOpenid: order.openid,
      subIsSubscribe: 'N',
      tradeType: order.tradeType,
      bankType: 'OTHERS',
      totalFee: order.totalFee,
      feeType: 'CNY',
      cashFee: order.totalFee,
      transactionId: order.transactionId,
      outTradeNo: order.outTradeNo,
      timeEnd: order.timeEnd,
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
    };
  }

  /** The refund notification: WeChat Pay v2's, with req_info already decrypted, camelCase. */
  private refundEvent(refund: PayRefund): Record<string, unknown> {
    const order = this.orders.get(refund.outTradeNo)!;
    return {
      returnCode: 'SUCCESS',
      appid: this.options.appid,
      mchId: MCH_ID,
      subAppid: this.options.appid,
      subMchId: order.subMchId,
      nonceStr: randomBytes(8).toString('hex'),
      reqInfo: {
        transactionId: refund.transactionId,
        outTradeNo: refund.outTradeNo,
        refundId: refund.refundId,
        outRefundNo: refund.outRefundNo,
        totalFee: refund.totalFee,
        refundFee: refund.refundFee,
        settlementTotalFee: refund.totalFee,
        settlementRefundFee: refund.refundFee,
        refundStatus: 'SUCCESS',
        successTime: shanghaiDateTime(this.options.clock.now()),
        refundRecvAccout: '支付用户零钱',
        refundAccount: 'REFUND_SOURCE_RECHARGE_FUNDS',
        refundRequestSource: 'API',
      },
    };
  }

  private findOrder(request: Record<string, unknown>): PayOrder | undefined {
    if (typeof request.out_trade_no === 'string') return this.orders.get(request.out_trade_no);
    if (typeof request.transaction_id === 'string') {
      return [...this.orders.values()].find((order) => order.transactionId === request.transaction_id);
    }
    return undefined;
  }

  private merchantFields(request: Record<string, unknown>): Record<string, unknown> {
    const nonceStr = randomBytes(8).toString('hex');
    const fields = {
      appid: this.options.appid,
      mch_id: MCH_ID,
      sub_appid: this.options.appid,
      sub_mch_id: stringOr(request.sub_mch_id, ''),
      nonce_str: nonceStr,
    };
    return { ...fields, sign: sign(fields) };
  }

  private businessFailure(request: Record<string, unknown>, errCode: string, description: string): Record<string, unknown> {
    return {
      ...this.merchantFields(request),
      return_code: 'SUCCESS',
      return_msg: 'OK',
      result_code: 'FAIL',
      err_code: errCode,
      err_code_des: description,
    };
  }

  private isoNow(): string {
    return new Date(this.options.clock.now()).toISOString();
  }
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** Looks like a WeChat Pay MD5 signature; nothing checks it locally. */
function sign(fields: Record<string, unknown>): string {
  return createHash('md5').update(JSON.stringify(fields)).digest('hex').toUpperCase();
}

function providerOpenid(openid: string): string {
  return `o${createHash('sha1').update(`service-provider:${openid}`).digest('base64url').slice(0, 27)}`;
}

function digits(count: number): string {
  return Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
}

/** China-time wall clock parts (WeChat Pay's time_end / success_time are China time). */
function shanghaiParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** yyyyMMddHHmmss in China time. */
export function shanghaiStamp(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

function shanghaiDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
