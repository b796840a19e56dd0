/**
 * The report stylesheet, as a string: the print document puts it in its <style> block and
 * the renderer's preview adopts it as a constructed stylesheet (the app's CSP forbids
 * inline <style>). Every rule is scoped under `.cwg-report`, so the preview cannot restyle
 * the app around it.
 *
 * Black-and-white safe: nothing depends on colour; insertions are underlined and bold,
 * deletions struck through, shading is light grey.
 *
 * Line numbers: Chromium prints without JavaScript, so visual lines cannot be counted in
 * code. Instead a column of numbers ("1\n2\n3…") sits beside each article body, clipped to
 * the body's height; body and numbers share one fixed line height and the body has no
 * vertical margins, so number n always stands beside visual line n, also across page breaks.
 */
import { REPORT_FONT_FAMILY } from './fonts';

/** Line height of numbered article text; numbers and text must share it exactly. */
export const NUMBERED_LINE_HEIGHT = '14pt';

export const REPORT_CSS = `
.cwg-report {
  font-family: "${REPORT_FONT_FAMILY}", sans-serif;
  font-size: 10pt;
  line-height: 1.35;
  color: #000;
  background: #fff;
  font-kerning: normal;
  text-rendering: optimizeLegibility;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.cwg-report * { box-sizing: border-box; }
/* Neutral blocks: the on-screen preview sits inside the app, whose own styles must not leak in. */
.cwg-report section, .cwg-report header, .cwg-report article { background: none; border: none; border-radius: 0; padding: 0; margin: 0; }
.cwg-report h1 { font-size: 16pt; line-height: 1.2; margin: 0 0 1.5mm; font-weight: 700; }
.cwg-report h2 { font-size: 12.5pt; line-height: 1.25; margin: 6mm 0 2mm; font-weight: 700; break-after: avoid; }
.cwg-report h3 { font-size: 11pt; line-height: 1.25; margin: 4mm 0 1.5mm; font-weight: 700; break-after: avoid; }
.cwg-report p { margin: 0 0 2mm; }
.cwg-report bdi { unicode-bidi: isolate; }
.cwg-report .report-kind { font-size: 9pt; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; margin: 0 0 2mm; }
.cwg-report .title-second { font-size: 13pt; font-weight: 700; margin: 0 0 2mm; }
.cwg-report .report-head { border-bottom: 1.5pt solid #000; padding-bottom: 3mm; margin-bottom: 4mm; }
.cwg-report .meta { display: grid; grid-template-columns: max-content 1fr; column-gap: 4mm; row-gap: 0.8mm; margin: 2mm 0 0; }
.cwg-report .meta dt { font-weight: 700; }
.cwg-report .meta dd { margin: 0; }
.cwg-report .note { font-size: 9pt; margin: 2mm 0 0; }
.cwg-report .muted { color: #333; }
.cwg-report .small { font-size: 8.5pt; }
.cwg-report .empty-note { border: 1pt dashed #000; padding: 4mm; margin: 4mm 0; font-size: 11pt; text-align: center; }
.cwg-report .sep { padding: 0 1.5mm; }

.cwg-report .watermark {
  position: fixed; left: 0; right: 0; top: 36%;
  z-index: 0; pointer-events: none; transform: rotate(-32deg);
}
.cwg-report .watermark svg { display: block; margin: 0 auto; width: 150mm; height: auto; max-height: 60mm; }
.cwg-report .stamp { display: inline-block; border: 1.5pt solid #000; padding: 0.5mm 2mm; font-weight: 700; letter-spacing: 0.08em; margin-bottom: 2mm; }

.cwg-report table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
.cwg-report th, .cwg-report td { text-align: start; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 0.5pt solid #777; }
.cwg-report thead th { background: #e6e6e6; border-bottom: 1pt solid #000; font-size: 9pt; }
.cwg-report thead { display: table-header-group; }
.cwg-report tr { break-inside: avoid; }
.cwg-report td.num, .cwg-report th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cwg-report .attendance-table { table-layout: fixed; }
.cwg-report .attendance-table col.c-country { width: 24%; }
.cwg-report .attendance-table thead th { white-space: normal; hyphens: manual; font-size: 8pt; padding-inline: 1mm; }
.cwg-report .attendance-table td.num { padding-inline: 1mm; }
.cwg-report .attendance-table tr.total-row td, .cwg-report .attendance-table tr.total-row th { border-top: 1pt solid #000; border-bottom: none; font-weight: 700; }
.cwg-report tfoot td, .cwg-report tfoot th { border-top: 1pt solid #000; border-bottom: none; font-weight: 700; }

.cwg-report .day { break-inside: auto; }
.cwg-report td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
/* A session may run over a page break (a long one must not leave most of a page blank);
   its kind and title stay together and no line is left alone at a page's foot or head. */
.cwg-report .agenda-table tr { break-inside: auto; }
.cwg-report .agenda-table td { orphans: 2; widows: 2; }
.cwg-report .agenda-table .session-kind, .cwg-report .agenda-table .session-title { break-after: avoid; break-inside: avoid; }
.cwg-report .agenda-table td.time { width: 24mm; white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: 700; }
.cwg-report .session-kind { font-size: 8pt; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; }
.cwg-report .session-title { font-weight: 700; }
.cwg-report .session-line { margin: 0.6mm 0 0; }
.cwg-report tr.light td { background: #f2f2f2; }

.cwg-report .participants-table { table-layout: fixed; }
.cwg-report .participants-table col.c-num { width: 11mm; }
.cwg-report .participants-table col.c-name { width: 26%; }
.cwg-report .participants-table.with-contacts col.c-contact { width: 31%; }
.cwg-report .participants-table tbody { font-size: 9pt; line-height: 1.25; }
.cwg-report .participants-table td { padding: 0.9mm 1.2mm; }
.cwg-report .participants-table td { overflow-wrap: break-word; hyphens: manual; }
.cwg-report .participants-table thead th { white-space: normal; }
.cwg-report .participants-table .country-row th { background: none; border-bottom: none; padding: 0; font-size: inherit; }
.cwg-report .participants-table .country-row .country-name, .cwg-report .sign-in-table .day-row .day-name {
  font-size: 12.5pt; line-height: 1.25; font-weight: 700; text-align: start; margin: 5mm 0 1.5mm;
}
.cwg-report .participants-table tbody.keep-together { break-inside: avoid; }
.cwg-report .participants-table td.contact { font-size: 8.5pt; }
.cwg-report .participants-table .org { font-size: 8.5pt; font-style: italic; }
.cwg-report .nowrap { white-space: nowrap; }
.cwg-report .capacity-row th { background: #f2f2f2; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; }
.cwg-report .country { margin-top: 0; }
.cwg-report .second-line { display: block; }

.cwg-report .book-title { padding-top: 50mm; }
.cwg-report .book-title .report-head { border-bottom: 2pt solid #000; }
.cwg-report .book-title h1 { font-size: 22pt; }
.cwg-report .book-contents, .cwg-report .book-part { break-before: page; }
.cwg-report .contents-table td { font-size: 12pt; padding: 2.5mm 1.5mm; }
.cwg-report .book-part-head h1 { font-size: 18pt; }
.cwg-report .badge-sheet { display: grid; grid-template-columns: 1fr 1fr; break-after: page; break-inside: avoid; }
.cwg-report .badge-sheet:last-child { break-after: auto; }
.cwg-report.report-badges.per-6 .badge-sheet { grid-template-rows: repeat(3, 92mm); }
.cwg-report.report-badges.per-8 .badge-sheet { grid-template-rows: repeat(4, 69mm); }
.cwg-report.report-badges.per-10 .badge-sheet { grid-template-rows: repeat(5, 55mm); }
.cwg-report.report-badges.paper-letter.per-6 .badge-sheet { grid-template-rows: repeat(3, 85mm); }
.cwg-report.report-badges.paper-letter.per-8 .badge-sheet { grid-template-rows: repeat(4, 64mm); }
.cwg-report.report-badges.paper-letter.per-10 .badge-sheet { grid-template-rows: repeat(5, 51mm); }
.cwg-report .badge { border: 0.5pt dashed #888; display: flex; flex-direction: column; justify-content: space-between; overflow: hidden; text-align: center; min-width: 0; }
.cwg-report .badge-body { padding: 5mm 5mm 2mm; }
.cwg-report .badge p { margin: 0 0 1mm; overflow: hidden; text-overflow: ellipsis; }
.cwg-report .badge-name { font-size: 18pt; font-weight: 700; line-height: 1.15; }
.cwg-report .badge-native { font-size: 13pt; }
.cwg-report .badge-country { font-size: 11pt; font-weight: 700; margin-top: 2mm; }
.cwg-report .badge-org { font-size: 9pt; }
.cwg-report .badge-band { background: #000; color: #fff; font-weight: 700; font-size: 11pt; letter-spacing: 0.08em; text-transform: uppercase; padding: 2mm; margin: 0; }
.cwg-report .sign-in-day.new-page { break-before: page; }
.cwg-report .sign-in-table { table-layout: fixed; }
.cwg-report .sign-in-table col.c-num { width: 10mm; }
.cwg-report .sign-in-table col.c-name { width: 28%; }
.cwg-report .sign-in-table col.c-country { width: 14%; }
.cwg-report .sign-in-table col.c-sign { width: 22%; }
.cwg-report .sign-in-table tbody { font-size: 9pt; line-height: 1.25; }
.cwg-report .sign-in-table td { height: 11mm; overflow-wrap: break-word; }
.cwg-report .sign-in-table td.sign-box { border: 0.75pt solid #000; }
.cwg-report .sign-in-table .day-row th { background: none; border-bottom: none; padding: 0; font-size: inherit; }
.cwg-report .sign-in-table .day-row .day-name { margin: 0 0 2mm; }
.cwg-report .sign-in-table .walk-in-head th { background: #f2f2f2; font-size: 9pt; }
.cwg-report .sign-in-table tbody.walk-ins tr.walk-in-head { break-after: avoid; }
.cwg-report .article { margin: 0 0 4mm; break-inside: auto; }
.cwg-report .article-title { font-size: 11pt; margin: 4mm 0 1.5mm; }
.cwg-report .article.changed, .cwg-report .article.added, .cwg-report .article.moved, .cwg-report .article.deleted {
  border-inline-start: 2.5pt solid #000; padding-inline-start: 3mm;
}
.cwg-report .change-note { font-size: 8.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 1mm; break-after: avoid; }
.cwg-report .parallel { display: grid; grid-template-columns: 1fr 1fr; column-gap: 7mm; }
.cwg-report .parallel > .col { min-width: 0; }
.cwg-report .parallel.aligned > * { min-width: 0; }
.cwg-report .parallel.aligned > p.para { margin: 0 0 1mm; }
.cwg-report .parallel.aligned > p.sub { padding-inline-start: 5mm; }
.cwg-report .body p { margin: 0 0 1mm; }
.cwg-report .body p.sub { padding-inline-start: 5mm; }
.cwg-report .numbered { position: relative; padding-inline-start: 9mm; }
.cwg-report .numbered .line-numbers {
  position: absolute; inset-inline-start: 0; top: 0; bottom: 0; width: 6.5mm; overflow: hidden;
  white-space: pre; text-align: end; font-size: 7pt; line-height: ${NUMBERED_LINE_HEIGHT}; color: #333;
  font-variant-numeric: tabular-nums; orphans: 1; widows: 1;
}
.cwg-report .numbered p { margin: 0; line-height: ${NUMBERED_LINE_HEIGHT}; orphans: 1; widows: 1; }
.cwg-report ins { text-decoration: underline; text-decoration-thickness: 1.2pt; text-underline-offset: 1.5pt; font-weight: 700; }
.cwg-report del { text-decoration: line-through; text-decoration-thickness: 1pt; }
.cwg-report .legend { font-size: 9pt; border: 0.75pt solid #000; padding: 1.5mm 2.5mm; margin: 2mm 0 0; }
.cwg-report .stale { font-size: 8.5pt; font-style: italic; margin: 1mm 0 0; }
.cwg-report .annex { break-before: page; }
.cwg-report .annex tbody { break-inside: avoid; }
.cwg-report .proposal-row td { border-bottom: 1pt solid #000; }
.cwg-report .proposal { white-space: pre-wrap; }

.cwg-report .certificate {
  break-after: page; break-inside: avoid; height: 185mm; overflow: hidden; border: 3pt double #000; padding: 8mm 14mm;
  display: flex; flex-direction: column; justify-content: space-between; text-align: center; font-size: 11.5pt;
}
.cwg-report.paper-letter .certificate { height: 190mm; }
.cwg-report .certificate:last-child { break-after: auto; }
.cwg-report .certificate p { margin: 0 0 1.5mm; }
.cwg-report .certificate h1 { font-size: 22pt; letter-spacing: 0.04em; margin: 0 0 3mm; }
.cwg-report .certificate .person { font-size: 19pt; font-weight: 700; margin: 2mm 0 0.5mm; }
.cwg-report .certificate .person-native { font-size: 14pt; margin: 0 0 1.5mm; }
.cwg-report .certificate .small { font-size: 9.5pt; }
.cwg-report .certificate .one-line, .cwg-report .certificate .programme li {
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.cwg-report .certificate .event { font-size: 13.5pt; font-weight: 700; margin: 1.5mm 0; }
.cwg-report .certificate .cert-cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 10mm; }
.cwg-report .certificate .cert-foot { display: grid; grid-template-columns: 3fr 2fr; column-gap: 10mm; align-items: end; text-align: start; }
.cwg-report .certificate .programme { font-size: 8.5pt; margin: 0; min-width: 0; }
.cwg-report .certificate .programme p { margin: 0 0 0.5mm; }
.cwg-report .certificate .programme ul { margin: 0; padding-inline-start: 4mm; }
.cwg-report .certificate .signature { border-top: 0.75pt solid #000; padding-top: 1.5mm; font-size: 9pt; text-align: center; margin-top: 14mm; }
.cwg-report .certificate .signature p { margin: 0 0 0.5mm; }
.cwg-report .certificate .signatory-name { font-weight: 700; font-size: 10pt; }
`;
