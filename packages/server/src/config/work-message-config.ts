/**
 * Per-person work messages (工作通知): the organisation's WeCom (企业微信) application and DingTalk
 * (钉钉) app, beside the group chat robots. Each channel is on only when its credentials are set.
 */

/** WeCom application messages (应用消息): the corp id, the application's secret and agent id. */
export interface WeComAppConfig {
  corpId: string;
  corpSecret: string;
  agentId: number;
  /** `https://qyapi.weixin.qq.com` unless a private deployment or a test says otherwise. */
  apiBase: string;
}

/** DingTalk work notices (工作通知): the app's key and secret and its agent id. */
export interface DingTalkAppConfig {
  appKey: string;
  appSecret: string;
  agentId: number;
  /** `https://oapi.dingtalk.com` unless a test says otherwise. */
  apiBase: string;
}

export interface WorkMessageConfig {
  wecom?: WeComAppConfig;
  dingtalk?: DingTalkAppConfig;
}

/** The config file's `workMessages`; secrets may instead come from the environment. */
export interface WorkMessageFileSettings {
  wecom?: { corpId?: string; corpSecret?: string; agentId?: number; apiBase?: string };
  dingtalk?: { appKey?: string; appSecret?: string; agentId?: number; apiBase?: string };
}

/**
 * Reads the channels: the file's `workMessages`, with FLOWFORM_WECOM_CORP_SECRET and
 * FLOWFORM_DINGTALK_APP_SECRET overriding the secrets (keep secrets out of the file). A channel with
 * some but not all of its settings is a configuration error, named.
 */
export function workMessageConfig(
  env: NodeJS.ProcessEnv,
  file: WorkMessageFileSettings | undefined,
): WorkMessageConfig {
  const out: WorkMessageConfig = {};
  const wecom = file?.wecom;
  const corpSecret = env.FLOWFORM_WECOM_CORP_SECRET ?? wecom?.corpSecret;
  if (wecom || corpSecret) {
    out.wecom = {
      corpId: required('workMessages.wecom.corpId', wecom?.corpId),
      corpSecret: required('workMessages.wecom.corpSecret (or FLOWFORM_WECOM_CORP_SECRET)', corpSecret),
      agentId: agentId('workMessages.wecom.agentId', wecom?.agentId),
      apiBase: apiBase('workMessages.wecom.apiBase', wecom?.apiBase ?? 'https://qyapi.weixin.qq.com'),
    };
  }
  const ding = file?.dingtalk;
  const appSecret = env.FLOWFORM_DINGTALK_APP_SECRET ?? ding?.appSecret;
  if (ding || appSecret) {
    out.dingtalk = {
      appKey: required('workMessages.dingtalk.appKey', ding?.appKey),
      appSecret: required('workMessages.dingtalk.appSecret (or FLOWFORM_DINGTALK_APP_SECRET)', appSecret),
      agentId: agentId('workMessages.dingtalk.agentId', ding?.agentId),
      apiBase: apiBase('workMessages.dingtalk.apiBase', ding?.apiBase ?? 'https://oapi.dingtalk.com'),
    };
  }
  return out;
}

function required(name: string, value: string | undefined): string {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`Missing ${name} in the config file`);
  return value;
}

function agentId(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new Error(
      `Invalid ${name} in the config file: the application's agent id, a positive whole number`,
    );
  return value;
}

function apiBase(name: string, value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${name} must be http(s): ${value}`);
  return value.replace(/\/+$/, '');
}
