import { createHmac } from 'node:crypto';
import type { WebhookTarget } from '../config/server-config';

/** The body a chat robot expects for a plain text message (WeCom 企业微信 and DingTalk 钉钉 share it). */
export function robotBody(kind: WebhookTarget['kind'], text: string): Record<string, unknown> {
  const content = text.slice(0, kind === 'wecom' ? 2000 : 5000);
  return { msgtype: 'text', text: { content } };
}

/**
 * DingTalk's signed URL (加签): `timestamp` in ms and `sign` = URL-encoded base64 of
 * HMAC-SHA256(secret, `${timestamp}\n${secret}`). WeCom robots carry their key in the URL instead.
 */
export function signedUrl(target: WebhookTarget, timestampMs: number): string {
  if (target.kind !== 'dingtalk' || !target.secret) return target.url;
  const sign = createHmac('sha256', target.secret)
    .update(`${timestampMs}\n${target.secret}`)
    .digest('base64');
  const url = new URL(target.url);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', sign);
  return url.toString();
}
