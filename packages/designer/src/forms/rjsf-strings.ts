import type { Locale } from '@flowform/engine/browser';
import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';

const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.MissingItems]: '缺少列表项定义',
  [TranslatableString.EmptyArray]: '还没有内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.OptionalObjectAdd]: '填写此选填项',
  [TranslatableString.OptionalObjectRemove]: '清除此选填项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此选填项未填写',
  [TranslatableString.ClearButton]: '清空输入',
  [TranslatableString.UnknownFieldType]: '未知的字段类型 %1',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.UnsupportedField]: '不支持的字段定义。',
  [TranslatableString.UnsupportedFieldWithId]: '字段 %1 的定义不受支持。',
  [TranslatableString.UnsupportedFieldWithReason]: '不支持的字段定义：%1。',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: '字段 %1 的定义不受支持：%2。',
};

/** Markdown-significant characters in parameters are escaped: names from schemas stay text. */
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]()<>#!|~{}]/g, (c) => `\\${c}`);

/** The strings rjsf renders through markdown. */
const MARKDOWN = new Set<TranslatableString>([
  TranslatableString.FilesInfo,
  TranslatableString.InvalidObjectField,
  TranslatableString.UnsupportedField,
  TranslatableString.UnsupportedFieldWithId,
  TranslatableString.UnsupportedFieldWithReason,
  TranslatableString.UnsupportedFieldWithIdAndReason,
]);

/** rjsf's own strings (buttons, "Item 2"…) in the reader's language. */
export function rjsfTranslator(locale: Locale) {
  return (key: TranslatableString, params?: string[]) => {
    const safe = MARKDOWN.has(key) ? params?.map(escapeMarkdown) : params;
    if (locale === 'en') return englishStringTranslator(key, safe);
    const text = ZH[key];
    return text ? replaceStringParameters(text, safe) : englishStringTranslator(key, safe);
  };
}
