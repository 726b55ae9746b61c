import { describe, expect, it } from 'vitest';
import { workMessageConfig } from './work-message-config';

describe('work message channels in the configuration', () => {
  it('given nothing configured, when read, then no channel is on', () => {
    expect(workMessageConfig({}, undefined)).toEqual({});
  });

  it('given the WeCom app in the file and its secret in the environment, when read, then the channel is on with the default API', () => {
    expect(
      workMessageConfig(
        { FLOWFORM_WECOM_CORP_SECRET: 'from-env' },
        { wecom: { corpId: 'ww1', agentId: 1000002 } },
      ),
    ).toEqual({
      wecom: {
        corpId: 'ww1',
        corpSecret: 'from-env',
        agentId: 1000002,
        apiBase: 'https://qyapi.weixin.qq.com',
      },
    });
  });

  it('given a DingTalk app without its agent id, when read, then the setting is named', () => {
    expect(() => workMessageConfig({}, { dingtalk: { appKey: 'k', appSecret: 's' } })).toThrow(
      /workMessages\.dingtalk\.agentId/,
    );
  });

  it('given an API base that is not http(s), when read, then it is refused', () => {
    expect(() =>
      workMessageConfig({}, { dingtalk: { appKey: 'k', appSecret: 's', agentId: 1, apiBase: 'ftp://x' } }),
    ).toThrow(/http/);
  });
});
