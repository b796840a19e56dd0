/**
 * Any report view, by kind: the one component the print service renders to static HTML
 * and the renderer's preview renders on screen.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import type { ReportModel } from '../model';
import { Badges } from './Badges';
import { Book } from './Book';
import { BookPart } from './BookPart';
import { Certificates } from './Certificates';

export function ReportView({ model }: { model: ReportModel }) {
  switch (model.kind) {
    case 'agenda':
    case 'participants':
    case 'sign-in':
    case 'mou':
    case 'meeting-report':
      return <BookPart model={model} />;
    case 'certificates':
      return <Certificates model={model} />;
    case 'book':
      return <Book model={model} />;
    case 'badges':
      return <Badges model={model} />;
  }
}
