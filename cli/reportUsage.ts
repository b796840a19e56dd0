/**
 * `cwg report --help`: kept apart from the report code, so `cwg --help` prints it without
 * loading React, the templates or the Chromium driver.
 */
export const reportUsage = `Usage: cwg report <kind> --bundle FILE (--meeting ID | --mou ID [--version N] [--compare N])
                  [--lang en|ru|en+ru] [--paper a4|letter] --out FILE.pdf
       cwg report <kind> <kind> … --bundle FILE [options] --out FOLDER/

Kinds: agenda, participants, sign-in, badges, mou, meeting-report, certificates, book

Several kinds in one call print each report once, with one Chromium, into FOLDER/KIND.pdf
(e.g. cwg report agenda participants mou --bundle data.json --meeting M --mou D --out print/).
Each option applies to the kinds it concerns; one no named kind takes is refused. A report
that cannot be printed is said, the others are still written (exit status 1).

Options:
  --bundle FILE      the data: an export of the app's tables or a sync bundle (.json)
  --meeting ID       the meeting (agenda, participants, sign-in, meeting-report, certificates, book)
  --mou ID           the MoU document (mou; in the book, the MoU draft to include)
  --version N        print frozen version N instead of the current working text (mou)
  --compare N        mark the changes since version N (mou)
  --annex            add the annex of amendments and their status (mou)
  --line-numbers     number the lines of each article in the margin (mou)
  --names latin|native|both   how names are written (participants; follows --lang by default)
  --contacts         print e-mail and phone of people who consented to it (participants)
  --per-sheet 6|8|10 badges on each sheet (badges; default 8)
  --day YYYY-MM-DD   one day's sheet only (sign-in; default every day of the meeting)
  --blank-rows N     empty rows for walk-ins on each sheet (sign-in; default 8)
  --to CAPACITIES    comma-separated capacities that get one, e.g. member,trainee (certificates;
                     default every attendee except organizers and the secretariat)
  --min-days N       only to those present on at least N days (certificates)
  --signatory NAME   who signs (certificates), with --signatory-title "EN TITLE" and
                     --signatory-title-ru "RU TITLE"
  --lang en|ru|en+ru language, or both side by side (default en)
  --paper a4|letter  paper size (default a4)
  --out FILE.pdf     where to write the PDF (replaced atomically if it exists)
  --out FOLDER/      (ends with /) the folder for KIND.pdf files, created if missing

Chromium is found on the PATH (chromium, chromium-browser, google-chrome) or at CHROME_PATH.
`;
