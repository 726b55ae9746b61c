import type { InboxItem } from '@flowform/api';
import type { Locale } from '@flowform/engine/browser';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-context';
import { InboxRow } from './inbox-row';
import { subjectText } from './task-subject-line';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A leader's sheet for one cadre, as `GET /api/tasks` lists it. */
const row = (subject: InboxItem['subject']): InboxItem => ({
  taskId: 't-1',
  instanceId: 'c-1',
  definitionKey: 'quarterly-cadre-evaluation',
  stateId: 'scoring.leaders.scoring',
  title: text('区领导评分', 'District leader scores a cadre'),
  caseTitle: text('2026 年第 1 季度干部考核', '2026 Q1 cadre evaluation'),
  initiator: null,
  unit: null,
  origin: null,
  subject,
  assignee: 'leader1',
  status: 'open',
  outcome: null,
  caseOutcome: null,
  caseNumber: null,
  createdAt: '2026-03-01T01:00:00.000Z',
  dueAt: null,
  urged: 0,
  sortAt: '2026-03-01T01:00:00.000Z',
});

const cadre = {
  kind: 'person' as const,
  username: 'head101',
  name: text('王建国', 'Wang Jianguo'),
  unit: { id: 'station-101', name: text('101 计量站', 'Station 101') },
};

const render = (item: InboxItem, locale: Locale) =>
  renderToStaticMarkup(
    <I18nProvider initial={locale}>
      <ul>
        <InboxRow item={item} scope="todo" />
      </ul>
    </I18nProvider>,
  );

describe('the subject of a multi-instance task in the web app', () => {
  it('given a scoring task for a cadre, when its inbox row renders in Chinese, then the row names the cadre and unit under the case title', () => {
    const html = render(row(cadre), 'zh-CN');
    expect(html).toContain('<span class="row-subject">对象：王建国 · 101 计量站</span>');
    expect(html.indexOf('row-title')).toBeLessThan(html.indexOf('row-subject'));
  });

  it('given the same row in English, then the subject reads in English', () => {
    expect(render(row(cadre), 'en')).toContain('For: Wang Jianguo · Station 101');
  });

  it('given a task without a subject, then the row has no subject line', () => {
    expect(render(row(null), 'zh-CN')).not.toContain('row-subject');
  });

  it('given a unit or a text subject, then its name or text is shown', () => {
    expect(subjectText({ kind: 'unit', id: 'branch-1', name: text('第一党支部', 'Branch 1') }, 'zh-CN')).toBe(
      '第一党支部',
    );
    expect(subjectText({ kind: 'text', text: text('安全 · 101站', 'Safety · Station 101') }, 'en')).toBe(
      'Safety · Station 101',
    );
    expect(subjectText({ ...cadre, unit: null }, 'en')).toBe('Wang Jianguo');
  });
});
