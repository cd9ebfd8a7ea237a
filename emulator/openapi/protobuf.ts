/**
 * The two protobuf messages of wx-server-sdk's openapi channel (its src/protobuf/openapi.js), by hand:
 * the request CommApiData { apiType=1, openapiData=2 { pairs=1 { key=1, value=2, contenttype=3, filename=4 } }, appid=6 }
 * and the reply CommOpenApiResp { respData=1, contentType=2, errorCode=3, httpCode=4 }.
 */

export interface OpenApiPair {
  key: string;
  value: Buffer;
  contentType?: string;
}

export interface OpenApiRequest {
  appid?: string;
  pairs: OpenApiPair[];
}

export interface OpenApiReply {
  respData?: Buffer;
  contentType?: string;
  errorCode?: number;
  httpCode?: number;
}

type FieldValue = number | Buffer;

export function decodeOpenApiRequest(bytes: Buffer): OpenApiRequest {
  const message = readFields(bytes);
  const openapiData = firstBuffer(message.get(2));
  const pairs = openapiData
    ? (readFields(openapiData).get(1) ?? []).filter(Buffer.isBuffer).map((raw) => {
        const pair = readFields(raw);
        return {
          key: firstBuffer(pair.get(1))?.toString('utf8') ?? '',
          value: firstBuffer(pair.get(2)) ?? Buffer.alloc(0),
          contentType: firstBuffer(pair.get(3))?.toString('utf8') || undefined,
        };
      })
    : [];
  return { appid: firstBuffer(message.get(6))?.toString('utf8') || undefined, pairs };
}

export function encodeOpenApiReply(reply: OpenApiReply): Buffer {
  const chunks: Buffer[] = [];
  if (reply.respData) chunks.push(lengthDelimited(1, reply.respData));
  if (reply.contentType !== undefined) chunks.push(lengthDelimited(2, Buffer.from(reply.contentType, 'utf8')));
  if (reply.errorCode !== undefined) chunks.push(varintField(3, reply.errorCode));
  if (reply.httpCode !== undefined) chunks.push(varintField(4, reply.httpCode));
  return Buffer.concat(chunks);
}

function readFields(bytes: Buffer): Map<number, FieldValue[]> {
  const fields = new Map<number, FieldValue[]>();
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('truncated protobuf varint');
      const byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 128;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    let value: FieldValue;
    if (wireType === 0) value = varint();
    else if (wireType === 2) {
      const length = varint();
      value = bytes.subarray(at, at + length);
      at += length;
    } else if (wireType === 1) {
      at += 8;
      continue;
    } else if (wireType === 5) {
      at += 4;
      continue;
    } else throw new Error(`unsupported protobuf wire type ${wireType}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

function firstBuffer(values: FieldValue[] | undefined): Buffer | undefined {
  return values?.find((value): value is Buffer => Buffer.isBuffer(value));
}

function encodeVarint(value: number): Buffer {
  // int32 negatives go out as 10-byte two's complement, as protobufjs writes them.
  let big = BigInt.asUintN(64, BigInt(Math.trunc(value)));
  const bytes: number[] = [];
  do {
    let byte = Number(big & 0x7fn);
    big >>= 7n;
    if (big > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (big > 0n);
  return Buffer.from(bytes);
}

function varintField(field: number, value: number): Buffer {
  return Buffer.concat([encodeVarint(field * 8), encodeVarint(value)]);
}

function lengthDelimited(field: number, payload: Buffer): Buffer {
  return Buffer.concat([encodeVarint(field * 8 + 2), encodeVarint(payload.length), payload]);
}
