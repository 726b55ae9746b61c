import { AsyncLocalStorage } from 'node:async_hooks';
import type { FormValidator, Locale } from '@flowform/engine';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

const current = new AsyncLocalStorage<Locale>();

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

/** Sets the request's locale, visible to the form validator the runtime calls deep inside a command. */
export function localeMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const locale = pickLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    await current.run(locale, next);
  };
}

/** The current request's locale (undefined outside a request), for messages worded deep inside a command. */
export function requestLocale(): Locale | undefined {
  return current.getStore();
}

/**
 * Wraps a validator so calls without an explicit locale use the current request's. The runtime
 * steps commands without a locale, so its form errors come out in the reader's language this way.
 */
export function requestLocaleValidator(base: FormValidator): FormValidator {
  return {
    validate: (form, data, locale) => base.validate(form, data, locale ?? current.getStore()),
    validateSchema: (schema, data, locale, labels) =>
      base.validateSchema(schema, data, locale ?? current.getStore(), labels),
  };
}
