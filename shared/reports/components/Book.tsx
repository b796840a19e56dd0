/**
 * The meeting book: a title page, the contents with the page each part starts on, then the
 * parts (agenda, participants, sign-in sheets, MoU draft compared with its last version,
 * meeting report), each from a new page. Inside the book a part opens with its kind as the
 * heading (the meeting's title, dates and place are on the title page), and one DRAFT
 * watermark serves the whole book. The headings make the PDF's bookmarks.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { formatDate, languagesOf } from '../format';
import type { BookModel } from '../model';
import { BookPart } from './BookPart';
import { InBookContext, Label, MeetingHeader, Watermark } from './common';


export function Book({ model }: { model: BookModel }) {
  const mode = model.language;
  const only = model.only === null ? null : model.parts[model.only];
  return (
    <InBookContext.Provider value={true}>
      <div className={`cwg-report report-book${only ? ' measuring' : ''}`} lang={languagesOf(mode)[0]}>
        <Watermark draft={model.draft} cancelled={model.cancelled} mode={mode} own />
        {only ? (
          <section className="book-part">
            <BookPart model={only} />
          </section>
        ) : (
          <>
            <section className="book-title">
              <MeetingHeader meeting={model.meeting} mode={mode} kindLabel={(l) => l.kinds.book} draft={model.draft} cancelled={model.cancelled} standalone />
              <p className="note">
                <Label mode={mode} get={(l) => l.book.printed} values={(lang) => ({ date: formatDate(model.printedOn, lang) })} />
              </p>
            </section>
            <section className="book-contents">
              <h1>
                <Label mode={mode} get={(l) => l.book.contents} />
              </h1>
              <table className="contents-table">
                <tbody>
                  {model.parts.map((part, index) => (
                    <tr key={part.kind}>
                      <td>
                        <Label mode={mode} get={(l) => l.kinds[part.kind]} />
                      </td>
                      <td className="num">{model.startPages?.[index] ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            {model.parts.map((part) => (
              <section className="book-part" key={part.kind}>
                <BookPart model={part} />
              </section>
            ))}
          </>
        )}
      </div>
    </InBookContext.Provider>
  );
}
