/** Saves a meeting's agenda as an .ics file through the main process's save dialog. */
import type { TFunction } from 'i18next';
import { agendaFileName, buildAgendaIcs, type AgendaIcsText } from '../../../shared/meetings/ics';
import { KNOWN_TOPICS } from '../../../shared/meetings/topics';
import { sessionKinds, type Meeting, type Session } from '../../../shared/model';
import type { Language } from '../../app/i18n';
import { api } from '../../lib/api';
import type { SaveFileResult } from '../../../shared/ipc/contract';
import { utf8Bytes } from '../../lib/bytes';

/** The calendar's labels in the UI language. */
export function icsText(t: TFunction): AgendaIcsText {
  return {
    moderator: t('meetings.agenda.moderator'),
    moderators: t('meetings.agenda.moderators'),
    speaker: t('meetings.agenda.speaker'),
    speakers: t('meetings.agenda.speakers'),
    topics: t('meetings.agenda.topics'),
    sessionKinds: Object.fromEntries(sessionKinds.map((kind) => [kind, t(`meetings.sessionKinds.${kind}`)])) as AgendaIcsText['sessionKinds'],
    knownTopics: Object.fromEntries(KNOWN_TOPICS.map((topic) => [topic, t(`meetings.topics.${topic}`)])) as AgendaIcsText['knownTopics'],
  };
}

export async function exportAgenda(
  meeting: Meeting,
  sessions: readonly Session[],
  personName: (delegateId: string) => string | undefined,
  language: Language,
  t: TFunction,
): Promise<SaveFileResult> {
  const text = buildAgendaIcs({ meeting, sessions, language, text: icsText(t), personName, now: new Date() });
  return api.saveFile({ purpose: 'calendar', suggestedName: agendaFileName(meeting, language), content: utf8Bytes(text) });
}
