/** The calendar screen's labels: [zh-CN, en]. `{name}` marks a parameter. */
import type { Locale } from '@flowform/engine/browser';
import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { pairText } from '../../i18n/translate';

export const CALENDAR_MESSAGES = {
  nav: ['工作日日历', 'Calendar'],
  title: ['工作日日历', 'Working-day calendar'],
  intro: [
    '法定节假日和调休来自 chinese-days 数据包；管理员可在其上添加停工日（闭馆、检修）和额外工作日。截止时间按工作日计算时以此为准。',
    'Public holidays and make-up working days (调休) come from the chinese-days data; administrators add closures and extra working days on top. Working-day deadlines follow this calendar.',
  ],
  adminOnly: ['只有管理员可以维护工作日日历。', 'Only administrators keep the calendar.'],
  year: ['年份', 'Year'],
  prevYear: ['上一年', 'Previous year'],
  nextYear: ['下一年', 'Next year'],
  notInPackage: [
    '数据包只覆盖 {from}–{to} 年：{year} 年的法定节假日和调休须由管理员录入。',
    'The data covers {from}–{to}: enter the public holidays and make-up days of {year} yourself.',
  ],
  summary: ['{year} 年共 {count} 个工作日', '{count} working days in {year}'],
  version: ['当前版本 v{version}', 'Version {version}'],
  'legend.work': ['工作日', 'Working day'],
  'legend.weekend': ['周末', 'Weekend'],
  'legend.holiday': ['法定节假日', 'Public holiday'],
  'legend.makeUp': ['调休上班', 'Make-up working day'],
  'legend.closure': ['本单位停工', 'Own closure'],
  'legend.extraWork': ['本单位加班', 'Own extra working day'],
  weekdays: ['一二三四五六日', 'MTWTFSS'],
  dayLabel: ['{date}：{kind}{name}', '{date}: {kind}{name}'],
  'entry.title': ['添加本单位日期', 'Add a day'],
  'entry.date': ['日期', 'Date'],
  'entry.kind': ['类型', 'Kind'],
  'entry.off': ['停工（不算工作日）', 'Closed (not a working day)'],
  'entry.work': ['上班（算工作日）', 'Open (a working day)'],
  'entry.name': ['说明', 'Note'],
  'entry.add': ['加入', 'Add'],
  'entry.needDate': ['请选择日期。', 'Choose a date.'],
  'entry.needName': ['请填写说明。', 'Write a note.'],
  'entry.taken': ['{date} 已有本单位日期，请先移除。', '{date} already has a day of yours: remove it first.'],
  'own.title': ['本单位日期（{count}）', 'Your days ({count})'],
  'own.none': ['本年没有本单位日期。', 'None this year.'],
  'own.remove': ['移除 {date}', 'Remove {date}'],
  'save.comment': ['修改说明（可选）', 'Why (optional)'],
  'save.button': ['保存为新版本', 'Save as a new version'],
  'save.saving': ['正在保存…', 'Saving…'],
  'save.done': ['已保存为 v{version}。', 'Saved as version {version}.'],
  'save.unsaved': ['有 {count} 处未保存的修改。', '{count} unsaved changes.'],
  'save.conflict': [
    '别人刚保存了新版本，请刷新后重做。',
    'Someone saved a newer version: reload and redo your change.',
  ],
  history: ['版本记录', 'Versions'],
  historyRow: [
    'v{version} · {who} · {when} · {days} 天 {comment}',
    'v{version} · {who} · {when} · {days} days {comment}',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type CalendarKey = keyof typeof CALENDAR_MESSAGES;
export type CalendarText = (key: CalendarKey, params?: Record<string, string | number>) => string;

export function calendarText(locale: Locale, key: CalendarKey, params?: Record<string, string | number>) {
  return pairText(CALENDAR_MESSAGES[key], locale, params);
}

export function useCalendarText(): { ct: CalendarText; locale: Locale } {
  const { locale } = useI18n();
  const ct = useCallback<CalendarText>((key, params) => calendarText(locale, key, params), [locale]);
  return { ct, locale };
}
