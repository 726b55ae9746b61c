/** The case's votes (区委会表决): the result or where it stands, the rule, and each member's ballot by name. */
import type { VoteSummary } from '@flowform/api';
import { usePeople } from '../../api/people';
import { formatDateTime, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

function fraction(q: number): string {
  if (Math.abs(q - 2 / 3) < 1e-9) return '2/3';
  return `${Math.round(q * 100)}%`;
}

export function VoteTally({ votes }: { votes: VoteSummary[] }) {
  const { t, locale } = useI18n();
  const person = usePeople(votes.flatMap((v) => v.members.map((m) => m.user)));
  if (votes.length === 0) return null;
  return (
    <section className="card vote-tally" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('vote.title')}</h2>
      {votes.map((vote) => {
        const status =
          vote.result === null
            ? 'open'
            : vote.tie
              ? 'tie'
              : vote.result === 'approved'
                ? 'approved'
                : 'rejected';
        const pending = vote.total - vote.approvals - vote.rejections;
        return (
          <div
            className="vote"
            key={`${vote.stateId}-${vote.decidedAt ?? 'open'}-${vote.approvals}-${vote.rejections}`}
          >
            <h3>
              {pick(vote.title, locale, vote.stateId)}{' '}
              <span className={`flag vote-${status}`}>{t(`vote.${status}`)}</span>
            </h3>
            <p className="vote-counts">
              {t('vote.counts', {
                approvals: vote.approvals,
                rejections: vote.rejections,
                pending,
                total: vote.total,
              })}
            </p>
            {vote.needed !== null && (
              <p className="muted small">
                {t('vote.rule', { needed: vote.needed })}
                {vote.quorum !== null &&
                  `${locale === 'en' ? '; ' : '；'}${t('vote.quorum', { quorum: fraction(vote.quorum) })}`}
                {vote.decidedAt && ` · ${formatDateTime(locale, vote.decidedAt)}`}
              </p>
            )}
            <ul className="plain-list vote-members">
              {vote.members.map((m) => (
                <li key={m.user}>
                  {person(m.user, locale)}{' '}
                  <span className={`vote-ballot vote-ballot-${m.ballot ?? 'none'}`}>
                    {m.ballot === 'approve'
                      ? t('vote.for')
                      : m.ballot === 'reject'
                        ? t('vote.against')
                        : t('vote.notYet')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
