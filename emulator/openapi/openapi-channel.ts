import { CLOUD_ERRORS } from '../cloud-errors';
import type { FunctionRuntime, RunningInvocation } from '../runtime/function-runtime';
import { readFunctionConfig } from '../runtime/triggers';
import type { CloudPay } from './cloud-pay';
import { decodeOpenApiRequest, encodeOpenApiReply } from './protobuf';
import type { SubscribeMessages } from './subscribe-messages';
import { drawCode } from './wxacode';

export interface OpenApiChannelOptions {
  runtime: FunctionRuntime;
  subscribeMessages: SubscribeMessages;
  cloudPay: CloudPay;
  /** Refuse openapi.* a function did not declare in config.json permissions.openapi, as the cloud does. */
  enforcePermissions: boolean;
}

export interface RawReply {
  contentType: string;
  body: Buffer;
}

/**
 * The SDK endpoint's two binary actions (sent as multipart/form-data):
 * `wx.openApi` (cloud.openapi.*: protobuf in, protobuf out) and `wx.wxPayApi` (cloud.cloudPay.*: JSON bytes both ways).
 */
export class OpenApiChannel {
  constructor(private readonly options: OpenApiChannelOptions) {}

  async handle(fields: Map<string, Buffer>): Promise<RawReply> {
    const action = fields.get('action')?.toString('utf8');
    const apiName = fields.get('apiName')?.toString('utf8') ?? '';
    const caller = this.options.runtime.invocationFor(fields.get('wxCloudApiToken')?.toString('utf8'));
    const requestData = fields.get('requestData') ?? Buffer.alloc(0);
    if (action === 'wx.wxPayApi') return this.cloudPay(apiName, requestData, caller);
    return this.openApi(apiName, requestData, caller);
  }

  private cloudPay(apiName: string, requestData: Buffer, caller: RunningInvocation | undefined): RawReply {
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(requestData.toString('utf8') || '{}');
    } catch {
      return json({ code: 'INVALID_PARAM', message: `cloudPay.${apiName}: request is not JSON` });
    }
    return json(this.options.cloudPay.handle(apiName, request, caller));
  }

  private async openApi(apiName: string, requestData: Buffer, caller: RunningInvocation | undefined): Promise<RawReply> {
    if (caller && this.options.enforcePermissions && !this.permitted(caller.functionName, apiName)) {
      return protobuf({ errorCode: CLOUD_ERRORS.OPENAPI_NO_PERMISSION.errCode });
    }
    const request = Object.fromEntries(
      decodeOpenApiRequest(requestData).pairs.map((pair) => [pair.key, pair.contentType ? pair : parseJson(pair.value)]),
    );
    switch (apiName) {
      case 'subscribeMessage.send':
        return protobuf(jsonReply(this.options.subscribeMessages.send(request)));
      case 'wxacode.getUnlimited':
      case 'wxacode.get':
      case 'wxacode.createQRCode': {
        const drawn = await drawCode(apiName, request);
        if (!Buffer.isBuffer(drawn)) return protobuf(jsonReply(drawn));
        return protobuf({ respData: drawn, contentType: 'image/png', httpCode: 200 });
      }
      default:
        return protobuf({ errorCode: CLOUD_ERRORS.OPENAPI_NOT_FOUND.errCode });
    }
  }

  private permitted(functionName: string, apiName: string): boolean {
    const declared = readFunctionConfig(this.options.runtime.functionsDir, functionName).permissions?.openapi;
    return Array.isArray(declared) && declared.includes(apiName);
  }
}

function parseJson(value: Buffer): unknown {
  const text = value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function jsonReply(reply: object): { respData: Buffer; contentType: string; httpCode: number } {
  return { respData: Buffer.from(JSON.stringify(reply)), contentType: 'application/json; charset=utf-8', httpCode: 200 };
}

function protobuf(reply: Parameters<typeof encodeOpenApiReply>[0]): RawReply {
  return { contentType: 'application/octet-stream', body: encodeOpenApiReply(reply) };
}

/** Not "application/json; charset=utf-8": the SDK would parse that itself and take it for an error. */
function json(reply: object): RawReply {
  return { contentType: 'application/octet-stream', body: Buffer.from(JSON.stringify(reply)) };
}
