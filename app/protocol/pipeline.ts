import type { AppContext } from '../context';
import { unixSeconds } from '../core/clock';
import { ApiError, Code } from '../core/errors';
import { ipMatches } from '../core/ip';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../core/jsonDepth';
import { maskSensitive } from '../core/mask';
import { Reply, type CallContext, type MethodDefinition, type UploadedFile } from '../registry/method';
import type { MethodRegistry } from '../registry/registry';
import { isVersion } from '../registry/version';
import { appAuthService } from '../platform/gateway/appAuth';
import { abuseGuard } from '../platform/gateway/abuseGuard';
import { ipBanList } from '../platform/gateway/ipBans';
import { rateLimiter } from '../platform/gateway/rateLimiter';
import { sessionService } from '../platform/sessions/sessions';
import { failure, success, type Answer } from './answer';
import { verifySignature } from './signature';

/** What the transport hands over: the two form fields as decoded, nothing of HTTP. */
export interface IncomingCall {
  data: unknown;
  sign: unknown;
  ip: string;
  /** The browser origin the call comes from (its `Origin` header); absent for server-to-server calls. */
  origin?: string;
  requestId: string;
  files: UploadedFile[];
  /** The body's size in bytes, held to the method's own limit (`bodyLimitBytes`, else `http.bodyLimitBytes`). */
  bodyBytes?: number;
}

/** Facts about the call for the log line, filled in as the checks learn them. */
export interface CallFacts {
  appid?: string;
  method?: string;
  userId?: number;
  error?: unknown;
  /** The call's parameters, masked: only set for an unexpected failure, whose log line needs them. */
  params?: unknown;
}

const TEN_DIGITS = /^\d{10}$/;

/** `data` as an object for the log of a failed call (it parsed once already, or it would not have failed late). */
function parsedData(raw: unknown): unknown {
  try {
    return typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

/** Slack for hosts whose clocks disagree: a replay claim outlives its stamp's acceptance by this much. */
const REPLAY_CLOCK_MARGIN_MS = 30_000;

const replayKey = (appid: string, sign: string) => `replay:${appid}:${sign}`;

/** `data` parsed, when it is a JSON object; null for anything else (step 1 answers 504). */
function parseObject(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const data: unknown = JSON.parse(raw);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function platformOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : 0;
  return Number.isInteger(n) ? n : 0;
}

/** A protocol refusal, returned rather than thrown: most refused calls end here, and a throw through the async steps costs more than the checks. */
function refusal(code: ConstructorParameters<typeof ApiError>[0], msg: string): ApiError {
  return new ApiError(code, msg);
}

/**
 * Protocol §3: the checks in their order, then the method. Every refusal is an ApiError; `run` turns
 * whatever happens into exactly one Answer.
 */
export class ProtocolPipeline {
  private readonly appAuth;
  private readonly bans;
  private readonly sessions;
  private readonly rateLimiter;
  private readonly abuse;

  constructor(
    private readonly app: AppContext,
    private readonly registry: MethodRegistry,
  ) {
    this.appAuth = app.use(appAuthService);
    this.bans = app.use(ipBanList);
    this.sessions = app.use(sessionService);
    this.rateLimiter = app.use(rateLimiter);
    this.abuse = app.use(abuseGuard);
  }

  async run(call: IncomingCall, facts: CallFacts): Promise<Answer> {
    try {
      const result = await this.process(call, facts);
      if (result instanceof ApiError) return { code: result.code, msg: result.message };
      return result instanceof Reply ? success(result.data, result.msg) : success(result);
    } catch (err) {
      const { answer, unexpected } = failure(err, call.requestId);
      if (unexpected) {
        facts.error = err;
        facts.params = maskSensitive(parsedData(call.data));
      }
      return answer;
    }
  }

  private async process(call: IncomingCall, facts: CallFacts): Promise<unknown> {
    // 1. data is a JSON object. The string is kept as received: it is what was signed.
    const raw = call.data;
    // Nesting is bounded by a linear scan before JSON.parse does any work on it.
    const tooDeep = typeof raw === 'string' && nestsDeeperThan(raw);
    const data = tooDeep ? null : parseObject(raw);
    // A body over the default limit was read only because some method accepts more (base64 uploads):
    // it must be one of those, or it is refused as the transport would have (protocol §1).
    const bodyBytes = call.bodyBytes ?? 0;
    if (bodyBytes > this.app.config.http.bodyLimitBytes && bodyBytes > (await this.ownBodyLimit(data))) {
      return refusal(Code.BODY_TOO_LARGE, 'request body too large');
    }
    if (tooDeep) return refusal(Code.BAD_DATA, `data is not a JSON object of at most ${MAX_JSON_DEPTH} levels`);
    if (typeof raw !== 'string' || !data) return refusal(Code.BAD_DATA, 'data is not a JSON object');

    // 2–5. the fixed parameters every call carries
    const method = data.method;
    if (typeof method !== 'string' || method === '') return refusal(Code.BAD_DATA, 'method is missing');
    facts.method = method.slice(0, 100);
    if (!isVersion(data.v)) return refusal(Code.BAD_VERSION, 'version is missing or malformed (expected X.Y.Z)');
    const appid = text(data.appid);
    if (appid === '') return refusal(Code.NO_APPID, 'appid is missing');
    facts.appid = appid.slice(0, 64);
    if (data.timestamp === undefined || data.timestamp === null || data.timestamp === '') return refusal(Code.NO_TIMESTAMP, 'timestamp is missing');

    // 6. global ban list
    if (await this.bans.isBanned(call.ip)) return refusal(Code.IP_BANNED, 'access denied');

    // 7. appid
    const credential = appid.length <= 32 ? await this.appAuth.find(appid) : null;
    if (!credential) return refusal(Code.APPID_NOT_ALLOWED, 'appid not allowed');

    // 8. the appid's own allow-list of addresses
    if (credential.allowList && !ipMatches(credential.allowList, call.ip)) return refusal(Code.IP_NOT_ALLOWED, 'ip not allowed');
    // ... and its browser origins: a page may only use the appids that list where it is served from
    if (call.origin !== undefined && !credential.origins.has(call.origin)) return refusal(Code.IP_NOT_ALLOWED, 'origin not allowed');

    // 9. timestamp: 10 digits, within the window either way (a future stamp would make a replay last longer)
    const timestamp = text(data.timestamp);
    if (!TEN_DIGITS.test(timestamp)) return refusal(Code.BUSINESS, 'timestamp is malformed (expected 10-digit unix seconds)');
    const serverTime = unixSeconds(this.app.clock);
    if (Math.abs(serverTime - Number(timestamp)) > this.app.config.protocol.timestampWindowSec) {
      return refusal(Code.BUSINESS, `timestamp expired (server time ${serverTime})`);
    }

    // 10. signature, over the exact received string
    if (!verifySignature(raw, call.sign, this.appAuth.liveSecrets(credential))) {
      void this.abuse.recordBadSignature(call.ip);
      return refusal(Code.BUSINESS, 'signature error');
    }

    // 11. the method, in the appid's namespace, at the highest version ≤ v
    const definition = this.registry.resolve(credential.apiType, method, data.v);
    if (!definition) return refusal(Code.NO_METHOD, 'method does not exist');

    // 12. the rate limit of signed calls (counted in process, shared through the KV store each second),
    // then the replay guard for state-changing methods: one use of a signed request per window. A call
    // refused for the limit claims nothing, so the same signed write may be sent again later.
    const overLimitBy = this.rateLimiter.hit(credential.appid, call.ip);
    if (overLimitBy > 0) return refusal(Code.BUSINESS, `too many requests: try again in ${overLimitBy} s`);
    if (definition.writes && !(await this.claimOnce(credential.appid, String(call.sign).toUpperCase(), Number(timestamp)))) return refusal(Code.BUSINESS, 'duplicate request');

    // 13–16. the caller's session, as the method requires
    const token = text(data.token);
    const user = await this.sessions.resolve(token, definition.user, credential.apiType);
    if (user) facts.userId = user.userId;

    // 17. the method's own parameters
    const params = await this.validate(definition, data);

    const context: CallContext = {
      requestId: call.requestId,
      appid: credential.appid,
      apiType: credential.apiType,
      method,
      version: data.v,
      ip: call.ip,
      platform: platformOf(data.platform),
      appV: text(data.app_v),
      channel: text(data.channel),
      deviceToken: text(data.device_token),
      uniqueId: text(data.unique_id),
      token,
      user,
      files: call.files,
    };
    // 18. business rules
    return definition.handler(params as Record<string, unknown>, context, this.app);
  }

  /** The body limit of the method this call names, or the default when it names none of ours. */
  private async ownBodyLimit(data: Record<string, unknown> | null): Promise<number> {
    const fallback = this.app.config.http.bodyLimitBytes;
    const appid = text(data?.appid);
    if (!data || typeof data.method !== 'string' || !isVersion(data.v) || appid === '' || appid.length > 32) return fallback;
    const credential = await this.appAuth.find(appid);
    return (credential && this.registry.resolve(credential.apiType, data.method, data.v)?.bodyLimitBytes) || fallback;
  }

  /**
   * Whether this is the first use of a signed write while its timestamp is accepted. The stamp passes
   * step 9 until the server clock's second passes `timestamp + window`, so the claim lives until the end
   * of that second plus a margin for the clocks of other hosts sharing the store (a claim measured from
   * "now" would lapse up to a second early, and earlier on a host whose clock runs behind).
   */
  private claimOnce(appid: string, sign: string, timestamp: number): Promise<boolean> {
    const acceptedUntilMs = (timestamp + this.app.config.protocol.timestampWindowSec + 1) * 1000;
    const ttlMs = acceptedUntilMs + REPLAY_CLOCK_MARGIN_MS - this.app.clock.now();
    return this.app.kv.set(replayKey(appid, sign), '1', { ttlMs, onlyIfAbsent: true });
  }

  private async validate(definition: MethodDefinition, data: Record<string, unknown>): Promise<unknown> {
    // The schema carries VALIDATION_PREFS (compiled in by defineMethod).
    const { value, error } = definition.schema.validate(data);
    if (error) throw error;
    return value;
  }
}
