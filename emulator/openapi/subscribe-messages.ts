/**
 * openapi.subscribeMessage.send, with WeChat's own bookkeeping: a one-time subscription lets a template
 * reach a user once per time the user accepted it in wx.requestSubscribeMessage. The app cannot see this
 * count (it keeps its own ledger); WeChat answers 43101 when it is used up, so the emulator keeps it here.
 * The H5 client's stand-in for wx.requestSubscribeMessage adds credits through
 * POST /api/_emulator/subscribe/accept.
 */

export interface SentMessage {
  id: number;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  lang: string;
  sentAt: string;
}

export interface WxReply {
  errcode: number;
  errmsg: string;
  [key: string]: unknown;
}

export interface SubscribeState {
  credits: Record<string, Record<string, number>>;
  outbox: SentMessage[];
}

/** The rule for each keyword kind WeChat enforces on template data (max characters). */
const VALUE_LIMITS: Array<{ prefix: string; max: number; pattern?: RegExp }> = [
  { prefix: 'character_string', max: 32, pattern: /^[0-9A-Za-z_\-.:#@!$%&*+=/\\|~^()[\]{}<>,;?'"` ]*$/ },
  { prefix: 'phone_number', max: 17, pattern: /^[0-9+\-() ]*$/ },
  { prefix: 'car_number', max: 8 },
  { prefix: 'thing', max: 20 },
  { prefix: 'number', max: 32, pattern: /^[0-9.]*$/ },
  { prefix: 'letter', max: 32, pattern: /^[A-Za-z]*$/ },
  { prefix: 'symbol', max: 5 },
  { prefix: 'amount', max: 32, pattern: /^[¥$￥]?[0-9]+(\.[0-9]+)?元?$/ },
  { prefix: 'name', max: 10 },
  { prefix: 'phrase', max: 5 },
];

export class SubscribeMessages {
  private credits = new Map<string, Map<string, number>>();
  private sent: SentMessage[] = [];
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** The user accepted these templates once more (one tap on 允许 = one message each). */
  accept(openid: string, templateIds: string[]): Record<string, number> {
    const mine = this.credits.get(openid) ?? new Map<string, number>();
    for (const templateId of templateIds) mine.set(templateId, (mine.get(templateId) ?? 0) + 1);
    this.credits.set(openid, mine);
    return this.creditsOf(openid);
  }

  creditsOf(openid: string): Record<string, number> {
    return Object.fromEntries(this.credits.get(openid) ?? []);
  }

  /** Sent messages, oldest first; optionally only one user's. */
  list(touser?: string): SentMessage[] {
    return this.sent.filter((message) => touser === undefined || message.touser === touser);
  }

  /** The subscribeMessage.send request as sent on the wire (snake_case). */
  send(request: Record<string, unknown>): WxReply {
    const touser = request.touser;
    const templateId = request.template_id;
    const data = request.data;
    if (typeof touser !== 'string' || touser === '') return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof templateId !== 'string' || templateId === '') return { errcode: 40037, errmsg: 'invalid template_id' };
    const invalid = invalidData(data);
    if (invalid) return { errcode: 47003, errmsg: `argument invalid! ${invalid}` };
    const mine = this.credits.get(touser);
    const left = mine?.get(templateId) ?? 0;
    if (left <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    mine!.set(templateId, left - 1);
    this.sent.push({
      id: this.nextId++,
      touser,
      templateId,
      page: typeof request.page === 'string' ? request.page : undefined,
      data: data as SentMessage['data'],
      miniprogramState: typeof request.miniprogram_state === 'string' ? request.miniprogram_state : 'formal',
      lang: typeof request.lang === 'string' ? request.lang : 'zh_CN',
      sentAt: new Date(this.now()).toISOString(),
    });
    return { errcode: 0, errmsg: 'ok' };
  }

  reset(): void {
    this.credits.clear();
    this.sent = [];
    this.nextId = 1;
  }

  snapshot(): SubscribeState {
    const credits = Object.fromEntries([...this.credits].map(([openid, mine]) => [openid, Object.fromEntries(mine)]));
    return { credits, outbox: this.sent };
  }

  restore(state: SubscribeState): void {
    this.credits = new Map(Object.entries(state.credits).map(([openid, mine]) => [openid, new Map(Object.entries(mine))]));
    this.sent = state.outbox;
    this.nextId = Math.max(0, ...this.sent.map((message) => message.id)) + 1;
  }
}

function invalidData(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'data must be an object';
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') return `data.${key}.value is missing`;
    const text = String(value);
    const rule = VALUE_LIMITS.find((limit) => key.replace(/\d+$/, '') === limit.prefix);
    if (!rule) continue;
    if ([...text].length > rule.max) return `data.${key}.value exceeds ${rule.max} characters`;
    if (rule.pattern && !rule.pattern.test(text)) return `data.${key}.value is not a valid ${rule.prefix}`;
  }
  return undefined;
}
