import crypto from 'node:crypto';
import type { AppConfig } from '../../../../config';
import { SmsDeliveryError, type SmsDriver, type SmsMessage } from './driver';

const ALGORITHM = 'TC3-HMAC-SHA256';
const CONTENT_TYPE = 'application/json; charset=utf-8';
const SMS_VERSION = '2021-01-11';
const TIMEOUT_MS = 10_000;

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** The product's short name, the first label of its host: `sms`, `cvm`… */
  service: string;
  host: string;
  /** Unix seconds; also sent as X-TC-Timestamp. */
  timestamp: number;
  /** The exact JSON body sent. */
  payload: string;
}

function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: crypto.BinaryLike, text: string): Buffer {
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest();
}

/**
 * The `Authorization` header of Tencent Cloud API 3.0 (signature v3, TC3-HMAC-SHA256) for a JSON
 * POST to `/`, signing the two headers the documentation's example signs (content-type and host).
 */
export function tc3Authorization(input: Tc3Input): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', '/', '', `content-type:${CONTENT_TYPE}\nhost:${input.host}\n`, signedHeaders, sha256Hex(input.payload)].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  const signature = crypto.createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return `${ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

interface SendSmsAnswer {
  Response?: {
    Error?: { Code: string; Message: string };
    SendStatusSet?: Array<{ PhoneNumber: string; Code: string; Message: string }>;
    RequestId?: string;
  };
}

/** Tencent Cloud SMS (API 3.0, action SendSms): one templated message to one number. */
export class TencentSmsDriver implements SmsDriver {
  constructor(
    private readonly config: AppConfig['sms']['tencent'],
    private readonly now: () => number = Date.now,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    if (!message.providerTemplateId) throw new SmsDeliveryError(`template ${message.key} has no Tencent template id`);
    const payload = JSON.stringify({
      // Addresses outside the mainland already carry their `+<area>` (recipient.ts).
      PhoneNumberSet: [message.mobile.startsWith('+') ? message.mobile : `+86${message.mobile}`],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: message.providerTemplateId,
      TemplateParamSet: message.params,
    });
    const timestamp = Math.floor(this.now() / 1000);
    const host = this.config.endpoint;
    let answer: SendSmsAnswer;
    try {
      const response = await fetch(`https://${host}/`, {
        method: 'POST',
        headers: {
          Authorization: tc3Authorization({ ...this.config, service: 'sms', host, timestamp, payload }),
          'Content-Type': CONTENT_TYPE,
          'X-TC-Action': 'SendSms',
          'X-TC-Version': SMS_VERSION,
          'X-TC-Region': this.config.region,
          'X-TC-Timestamp': String(timestamp),
        },
        body: payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new SmsDeliveryError(`tencent HTTP ${response.status}`);
      answer = (await response.json()) as SendSmsAnswer;
    } catch (err) {
      if (err instanceof SmsDeliveryError) throw err;
      throw new SmsDeliveryError(`tencent unreachable: ${(err as Error).message}`);
    }
    const error = answer.Response?.Error;
    if (error) throw new SmsDeliveryError(`tencent ${error.Code}: ${error.Message}`);
    const status = answer.Response?.SendStatusSet?.[0];
    if (!status) throw new SmsDeliveryError('tencent answered without a send status');
    if (status.Code !== 'Ok') throw new SmsDeliveryError(`tencent ${status.Code}: ${status.Message}`);
  }
}
