import type { Locale } from '@flowform/engine';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/** The preferred of zh-CN and en in an Accept-Language header; zh-CN when absent or undecided. */
export function pickLocale(header: string | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: 'zh-CN', q: 0 };
  for (const part of (header ?? '').split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= best.q) continue;
    if (tag === 'en' || tag.startsWith('en-')) best = { locale: 'en', q };
    else if (tag === 'zh' || tag.startsWith('zh-')) best = { locale: 'zh-CN', q };
  }
  return best.locale;
}

/**
 * Sets the request's locale (`c.get('locale')`). It travels from here one way only: as the
 * `locale` option of the command (see `commandOptions`) and as the argument of `toProblem`.
 */
export function localeMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')));
    await next();
  };
}
