/**
 * Any report view, by kind: the one component the print service renders to static HTML
 * and the renderer's preview renders on screen.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import type { ReportModel } from '../model';
import { Agenda } from './Agenda';
import { Badges } from './Badges';
import { Book } from './Book';
import { Certificates } from './Certificates';
import { MeetingReport } from './MeetingReport';
import { MouDraft } from './MouDraft';
import { Participants } from './Participants';
import { SignIn } from './SignIn';

export function ReportView({ model }: { model: ReportModel }) {
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
    case 'certificates':
      return <Certificates model={model} />;
    case 'book':
      return <Book model={model} />;
    case 'badges':
      return <Badges model={model} />;
  }
}
