/**
 * One of the reports a meeting book holds, by kind. The book renders its parts with it, and
 * ReportView the same reports printed on their own, so the two never pick different views.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import type { BookPartModel } from '../model';
import { Agenda } from './Agenda';
import { MeetingReport } from './MeetingReport';
import { MouDraft } from './MouDraft';
import { Participants } from './Participants';
import { SignIn } from './SignIn';

export function BookPart({ model }: { model: BookPartModel }) {
  switch (model.kind) {
    case 'agenda':
      return <Agenda model={model} />;
    case 'participants':
      return <Participants model={model} />;
    case 'sign-in':
      return <SignIn model={model} />;
    case 'mou':
      return <MouDraft model={model} />;
    case 'meeting-report':
      return <MeetingReport model={model} />;
  }
}
