/**
 * The MoU text for the negotiating table: title, version, status and parties; numbered
 * articles in one language or in parallel columns; optionally the changes since an earlier
 * version (legible in black and white), line numbers restarting in each article so
 * negotiators can cite "Article 4, line 12", and an annex of amendments with their status.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { Fragment } from 'react';
import { joinIsolated } from '../../bidi';
import type { DiffSegment } from '../../mou/compare';
import { formatDate, isBlank, languagesOf, type Lang } from '../format';
import type { AgreedWhere, AmendmentView, ArticleText, BracketAnnexRow, BracketNote, MouArticleView, MouModel } from '../model';
import type { ReportLanguage } from '../spec';
import { BiText, Filled, Label, labelText, latinName, nativeName, Segments, Stamp, TitleLines, Watermark, Heading } from './common';

/** Rough count of printed lines, so the number column is long enough (its overflow is clipped). */
function estimateLines(text: ArticleText): number {
  const CHARS_PER_NARROW_LINE = 30;
  return text.lines.reduce((sum, line) => {
    const length = line.reduce((total, segment) => total + segment.text.length, 0);
    return sum + Math.max(1, Math.ceil(length / CHARS_PER_NARROW_LINE));
  }, 0);
}

/** "(a) …" sub-paragraphs are indented under their paragraph. */
function isSubParagraph(line: readonly DiffSegment[]): boolean {
  const start = line
    .map((segment) => segment.text)
    .join('')
    .trimStart();
  return /^\([a-zа-я0-9]{1,4}\)\s/iu.test(start);
}

function lineNumbers(count: number): string {
  return Array.from({ length: count }, (_, index) => String(index + 1)).join('\n');
}

function ArticleColumn({ article, lang, numbered }: { article: MouArticleView; lang: Lang; numbered: boolean }) {
  const text = article.text[lang];
  return (
    <>
      <Heading level={2} className="article-title">
        {article.number !== null && <>{labelText(lang, (l) => l.mou.article, { number: article.number })}. </>}
        <bdi>
          <Segments segments={text.heading} />
        </bdi>
      </Heading>
      <div className={numbered ? 'body numbered' : 'body'}>
        {numbered && (
          <div className="line-numbers" aria-hidden="true">
            {lineNumbers(estimateLines(text) + 5)}
          </div>
        )}
        {text.lines.map((line, index) => (
          <p key={String(index)} className={isSubParagraph(line) ? 'sub' : undefined}>
            <Segments segments={line} />
          </p>
        ))}
      </div>
    </>
  );
}

/**
 * Both languages side by side, paragraph by paragraph: each pair of paragraphs shares a
 * grid row, so a longer translation pushes both columns down together and paragraph n of
 * one language always starts level with paragraph n of the other. (With line numbers the
 * columns stay independent: each language's number column counts its own lines.)
 */
function AlignedArticle({ article, langs }: { article: MouArticleView; langs: readonly Lang[] }) {
  const count = Math.max(...langs.map((lang) => article.text[lang].lines.length));
  return (
    <div className="parallel aligned">
      {langs.map((lang) => (
        <Heading level={2} className="article-title" lang={lang} key={`h-${lang}`}>
          {article.number !== null && <>{labelText(lang, (l) => l.mou.article, { number: article.number })}. </>}
          <bdi>
            <Segments segments={article.text[lang].heading} />
          </bdi>
        </Heading>
      ))}
      {Array.from({ length: count }, (_, index) =>
        langs.map((lang) => {
          const line = article.text[lang].lines[index] ?? [];
          return (
            <p key={`${lang}-${String(index)}`} lang={lang} className={isSubParagraph(line) ? 'para sub' : 'para'}>
              <Segments segments={line} />
            </p>
          );
        }),
      )}
    </div>
  );
}

function ChangeNote({ article, mode }: { article: MouArticleView; mode: ReportLanguage }) {
  const former = article.formerNumber ?? 0;
  switch (article.change) {
    case 'same':
    case 'changed':
      return null;
    case 'added':
      return (
        <p className="change-note">
          <Label mode={mode} get={(l) => l.mou.newArticle} />
        </p>
      );
    case 'moved':
      return (
        <p className="change-note">
          <Label mode={mode} get={(l) => l.mou.movedFrom} values={{ number: former }} />
        </p>
      );
    case 'deleted':
      return (
        <p className="change-note">
          <Label mode={mode} get={(l) => l.mou.deletedArticle} values={{ number: former }} />
        </p>
      );
  }
}

function Article({ article, model }: { article: MouArticleView; model: MouModel }) {
  const langs = languagesOf(model.language);
  const stale = article.translationStale;
  return (
    <section className={`article ${article.change}`}>
      <ChangeNote article={article} mode={model.language} />
      {langs.length === 1 && langs[0] !== undefined ? (
        <ArticleColumn article={article} lang={langs[0]} numbered={model.lineNumbers} />
      ) : !model.lineNumbers ? (
        <AlignedArticle article={article} langs={langs} />
      ) : (
        <div className="parallel">
          {langs.map((lang) => (
            <div className="col" lang={lang} key={lang}>
              <ArticleColumn article={article} lang={lang} numbered={model.lineNumbers} />
            </div>
          ))}
        </div>
      )}
      {article.bracketNotes.length > 0 && <BracketNotes notes={article.bracketNotes} mode={model.language} />}
      {stale !== null && langs.includes(stale) && (
        <p className="stale" lang={stale}>
          {labelText(stale, (l) => l.mou.translationStale)}
        </p>
      )}
    </section>
  );
}

function AmendmentTarget({ amendment, mode }: { amendment: AmendmentView; mode: ReportLanguage }) {
  const target = amendment.target;
  switch (target.type) {
    case 'article':
      return <>{target.number}</>;
    case 'after':
      return <Label mode={mode} get={(l) => l.mou.newAfter} values={{ number: target.number }} />;
    case 'start':
      return <Label mode={mode} get={(l) => l.mou.newAtStart} />;
    case 'removed':
      return <Label mode={mode} get={(l) => l.mou.removedArticle} />;
  }
}

function Annex({ amendments, mode }: { amendments: readonly AmendmentView[]; mode: ReportLanguage }) {
  const langs = languagesOf(mode);
  return (
    <section className="annex">
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.mou.annex} />
      </Heading>
      {amendments.length === 0 ? (
        <p>
          <Label mode={mode} get={(l) => l.mou.noAmendments} />
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                <Label mode={mode} get={(l) => l.mou.amendmentNumber} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.amendmentTarget} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.proposedBy} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.proposedOn} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.amendmentStatus} />
              </th>
            </tr>
          </thead>
          {amendments.map((amendment) => (
            <tbody key={amendment.number}>
              <tr>
                <td className="num">{amendment.number}</td>
                <td>
                  <AmendmentTarget amendment={amendment} mode={mode} />
                </td>
                <td>
                  {amendment.proposedBy.country && <BiText value={amendment.proposedBy.country} mode={mode} inline />}
                  {amendment.proposedBy.person && (
                    <span className="second-line">
                      <bdi>{latinName(amendment.proposedBy.person, false)}</bdi>
                      {langs.includes('ru') && nativeName(amendment.proposedBy.person) !== amendment.proposedBy.person.latin && (
                        <>
                          {' / '}
                          <bdi dir="auto">{nativeName(amendment.proposedBy.person)}</bdi>
                        </>
                      )}
                    </span>
                  )}
                </td>
                <td>
                  {langs.map((lang, index) => (
                    <Fragment key={lang}>
                      {index > 0 && <br />}
                      <span lang={lang}>{formatDate(amendment.proposedOn, lang)}</span>
                    </Fragment>
                  ))}
                </td>
                <td>
                  <strong>
                    <Label mode={mode} get={(l) => l.mou.amendmentStatuses[amendment.status]} />
                  </strong>
                  {amendment.decidedAt !== null && langs.map((lang) => amendment.decidedAt && <WhereAgreed key={lang} where={amendment.decidedAt} lang={lang} />)}
                  {amendment.decidedOn !== null && amendment.decidedAt === null && (
                    <span className="second-line small">
                      <Label
                        mode={mode}
                        get={(l) => l.mou.decidedOn}
                        values={(lang) => ({ date: formatDate(amendment.decidedOn ?? '', lang) })}
                      />
                    </span>
                  )}
                  {amendment.decisionReason.trim() !== '' && <span className="second-line small">{amendment.decisionReason}</span>}
                </td>
              </tr>
              <tr className="proposal-row">
                <td />
                <td colSpan={4}>
                  <p>
                    <strong>
                      <Label mode={mode} get={(l) => l.mou.amendmentKinds[amendment.kind]} />
                    </strong>
                  </p>
                  {amendment.kind !== 'delete' &&
                    langs.map((lang) =>
                      isBlank({ en: amendment.heading[lang], ru: amendment.body[lang] }) ? null : (
                        <div key={lang} lang={lang}>
                          {amendment.heading[lang].trim() !== '' && <p className="session-title">{amendment.heading[lang]}</p>}
                          <p className="proposal">{amendment.body[lang]}</p>
                        </div>
                      ),
                    )}
                  {!isBlank(amendment.rationale) && (
                    <p className="small">
                      <Label mode={mode} get={(l) => l.mou.rationale} />: <BiText value={amendment.rationale} mode={mode} inline />
                    </p>
                  )}
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}


/** Names of countries in one language, each isolated: "Kazakhstan, Kyrgyzstan". */
function Names({ names, lang }: { names: readonly { en: string; ru: string }[]; lang: Lang }) {
  return (
    <>
      {names.map((name, index) => (
        <Fragment key={`${name.en}-${String(index)}`}>
          {index > 0 && ', '}
          <bdi>{name[lang]}</bdi>
        </Fragment>
      ))}
    </>
  );
}

/** The footnotes of an article's open brackets: each alternative with the delegations that proposed it. */
function BracketNotes({ notes, mode }: { notes: readonly BracketNote[]; mode: ReportLanguage }) {
  const langs = languagesOf(mode);
  return (
    <div className="bracket-notes">
      {notes.map((note) =>
        langs.map((lang) => (
          <p key={`${String(note.mark)}-${lang}`} lang={lang} className="small">
            {labelText(lang, (l) => l.mou.note, { n: note.mark })}{' '}
            {note.alternatives.map((alternative, index) => (
              <Fragment key={String(index)}>
                {index > 0 && '; '}[<bdi>{alternative.text[lang]}</bdi>]:{' '}
                {alternative.proposers.length === 0 ? (
                  labelText(lang, (l) => l.mou.draftText)
                ) : (
                  <Names names={alternative.proposers} lang={lang} />
                )}
              </Fragment>
            ))}
          </p>
        )),
      )}
    </div>
  );
}

/** "at Second meeting…, Bishkek, 11 Sep 2014; session “…”; present: …; Afghanistan as observer" in one language. */
function WhereAgreed({ where, lang }: { where: AgreedWhere; lang: Lang }) {
  return (
    <span className="second-line small" lang={lang}>
      {where.meeting ? (
        <Filled
          template={labelText(lang, (l) => l.mou.agreedAt)}
          values={{ meeting: where.meeting.title[lang], city: where.meeting.city[lang], date: formatDate(where.date, lang) }}
        />
      ) : (
        formatDate(where.date, lang)
      )}
      {where.session && (
        <>
          {'; '}
          <Filled template={labelText(lang, (l) => l.mou.atSession)} values={{ session: where.session[lang] }} />
        </>
      )}
      {where.present.length > 0 && (
        <>
          {'; '}
          <Filled template={labelText(lang, (l) => l.mou.present)} values={{ countries: joinIsolated(where.present.map((name) => name[lang]), ', ') }} />
        </>
      )}
      {where.observers.map((observer) => (
        <Fragment key={observer.en}>
          {'; '}
          <Filled template={labelText(lang, (l) => l.mou.asObserver)} values={{ country: observer[lang] }} />
        </Fragment>
      ))}
    </span>
  );
}

/** The annex of square brackets: every bracket, its alternatives and proposers, and where and by whom it was agreed. */
function BracketAnnex({ rows, mode }: { rows: readonly BracketAnnexRow[]; mode: ReportLanguage }) {
  const langs = languagesOf(mode);
  return (
    <section className="annex">
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.mou.bracketsAnnex} />
      </Heading>
      {rows.length === 0 ? (
        <p>
          <Label mode={mode} get={(l) => l.mou.noBrackets} />
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.bracketColumn} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.alternativesColumn} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.mou.outcomeColumn} />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${String(row.articleNumber)}-${String(row.key)}`}>
                <td>
                  {row.articleNumber !== null && <Label mode={mode} get={(l) => l.mou.article} values={{ number: row.articleNumber }} />}
                  {` [${String(row.key)}]`}
                  <span className="second-line small">
                    <Label mode={mode} get={(l) => l.mou.inTextSince} values={(lang) => ({ date: formatDate(row.openedOn, lang) })} />
                  </span>
                </td>
                <td>
                  {row.alternatives.map((alternative, index) => (
                    <p key={String(index)}>
                      {langs.map((lang, n) => (
                        <Fragment key={lang}>
                          {n > 0 && ' / '}[<bdi lang={lang}>{alternative.text[lang]}</bdi>]
                        </Fragment>
                      ))}
                      {alternative.agreed && ' ✓'}
                      <span className="second-line small">
                        {alternative.proposers.length === 0 ? (
                          <Label mode={mode} get={(l) => l.mou.draftText} />
                        ) : (
                          langs.map((lang, n) => (
                            <Fragment key={lang}>
                              {n > 0 && ' / '}
                              <span lang={lang}>
                                <Filled template={labelText(lang, (l) => l.mou.proposedByNames)} values={{ countries: joinIsolated(alternative.proposers.map((name) => name[lang]), ', ') }} />
                              </span>
                            </Fragment>
                          ))
                        )}
                        {', '}
                        <Label mode={mode} get={(l) => l.mou.proposedOnDate} values={(lang) => ({ date: formatDate(alternative.proposedOn, lang) })} />
                      </span>
                    </p>
                  ))}
                </td>
                <td>
                  <strong>
                    <Label mode={mode} get={(l) => l.mou.bracketStatuses[row.status]} />
                  </strong>
                  {row.decided && langs.map((lang) => row.decided && <WhereAgreed key={lang} where={row.decided} lang={lang} />)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function MouDraft({ model }: { model: MouModel }) {
  const mode = model.language;
  const version = model.version;
  const compared = model.comparedWith;
  return (
    <article className="cwg-report report-mou" lang={languagesOf(mode)[0]}>
      <Watermark draft={model.draft} cancelled={false} mode={mode} />
      <header className="report-head">
        <p className="report-kind">
          <Label mode={mode} get={(l) => (model.status === 'signed' ? l.mou.signedKind : l.kinds.mou)} />
        </p>
        <TitleLines value={model.documentTitle} mode={mode} />
        <Stamp draft={model.draft} cancelled={false} mode={mode} />
        <dl className="meta">
          <dt>
            <Label mode={mode} get={(l) => l.mou.status} />
          </dt>
          <dd>
            <Label mode={mode} get={(l) => l.mou.statuses[model.status]} />
          </dd>
          <dt>
            <Label mode={mode} get={(l) => l.mou.parties} />
          </dt>
          <dd>
            {model.parties.map((party, index) => (
              <Fragment key={`${party.en}-${String(index)}`}>
                {index > 0 && '; '}
                <BiText value={party} mode={mode} inline />
              </Fragment>
            ))}
          </dd>
        </dl>
        <p className="note bracket-count">
          {model.openBrackets === 0 ? (
            <Label mode={mode} get={(l) => l.mou.cleanText} />
          ) : (
            <Label mode={mode} get={(l) => l.mou.openBrackets} values={{ open: model.openBrackets }} />
          )}
        </p>
        <p className="note">
          {version ? (
            <Label
              mode={mode}
              get={(l) => l.mou.version}
              values={(lang) => ({ number: version.number, label: version.label, date: formatDate(version.date, lang) })}
            />
          ) : (
            <Label mode={mode} get={(l) => l.mou.workingText} values={(lang) => ({ date: formatDate(model.printedOn, lang) })} />
          )}
        </p>
        {compared && (
          <div className="legend">
            <p>
              <strong>
                <Label
                  mode={mode}
                  get={(l) => l.mou.comparedWith}
                  values={(lang) => ({ number: compared.number, label: compared.label, date: formatDate(compared.date, lang) })}
                />
              </strong>
            </p>
            <p>
              <Label mode={mode} get={(l) => l.mou.legend} />
            </p>
          </div>
        )}
      </header>
      {model.articles.length === 0 ? (
        <p className="empty-note">
          <Label mode={mode} get={(l) => l.mou.noArticles} />
        </p>
      ) : (
        model.articles.map((article) => <Article key={article.key} article={article} model={model} />)
      )}
      {model.annex && <Annex amendments={model.annex} mode={mode} />}
      {model.bracketAnnex && <BracketAnnex rows={model.bracketAnnex} mode={mode} />}
    </article>
  );
}
