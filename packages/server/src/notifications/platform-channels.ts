import type { DingTalkAppConfig, WeComAppConfig, WorkMessageConfig } from '../config/work-message-config';
import { PlatformChannel, type WorkMessageChannel } from './work-message-channel';

const q = encodeURIComponent;

/**
 * WeCom application messages (应用消息): token from `cgi-bin/gettoken`, text to `cgi-bin/message/send`
 * with recipients joined by `|`, at most 1000 a call, text at most 2048 bytes (cut at 2000 characters).
 */
export function weComChannel(config: WeComAppConfig, now?: () => number): WorkMessageChannel {
  return new PlatformChannel({
    name: 'wecom',
    tokenUrl: `${config.apiBase}/cgi-bin/gettoken?corpid=${q(config.corpId)}&corpsecret=${q(config.corpSecret)}`,
    sendUrl: (token) => `${config.apiBase}/cgi-bin/message/send?access_token=${q(token)}`,
    body: (userIds, text) => ({
      touser: userIds.join('|'),
      msgtype: 'text',
      agentid: config.agentId,
      text: { content: text.slice(0, 2000) },
    }),
    batch: 1000,
    now,
  });
}

/**
 * DingTalk work notices (工作通知): token from `gettoken`, text to
 * `topapi/message/corpconversation/asyncsend_v2` with recipients joined by `,`, at most 100 a call.
 */
export function dingTalkChannel(config: DingTalkAppConfig, now?: () => number): WorkMessageChannel {
  return new PlatformChannel({
    name: 'dingtalk',
    tokenUrl: `${config.apiBase}/gettoken?appkey=${q(config.appKey)}&appsecret=${q(config.appSecret)}`,
    sendUrl: (token) =>
      `${config.apiBase}/topapi/message/corpconversation/asyncsend_v2?access_token=${q(token)}`,
    body: (userIds, text) => ({
      agent_id: config.agentId,
      userid_list: userIds.join(','),
      msg: { msgtype: 'text', text: { content: text.slice(0, 5000) } },
    }),
    batch: 100,
    now,
  });
}

/** The channels the configuration turns on. */
export function workMessageChannels(config: WorkMessageConfig, now?: () => number): WorkMessageChannel[] {
  return [
    ...(config.wecom ? [weComChannel(config.wecom, now)] : []),
    ...(config.dingtalk ? [dingTalkChannel(config.dingtalk, now)] : []),
  ];
}
