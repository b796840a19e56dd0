/**
 * Badges (name tags) for the registration desk: a chosen number per sheet (6, 8 or 10 on A4
 * or Letter), cut along the grey lines. Each badge: the name large in Latin script with the
 * native spelling under it, the country, the organization, and a black band across the foot
 * naming the capacity (legible in black and white, and from a distance).
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { languagesOf } from '../format';
import type { BadgesModel } from '../model';
import { latinOrFallback } from '../names';
import { BiText, Label, latinName } from './common';

export function Badges({ model }: { model: BadgesModel }) {
  const mode = model.language;
  const sheets: BadgesModel['badges'][] = [];
  for (let index = 0; index < model.badges.length; index += model.perSheet) sheets.push(model.badges.slice(index, index + model.perSheet));
  return (
    <article className={`cwg-report report-badges per-${String(model.perSheet)} paper-${model.paper}`} lang={languagesOf(mode)[0]}>
      {model.badges.length === 0 ? (
        <p className="empty-note">
          <Label mode={mode} get={(l) => l.participants.none} />
        </p>
      ) : (
        sheets.map((sheet, index) => (
          <section className="badge-sheet" key={String(index)}>
            {sheet.map((badge) => (
              <div className="badge" key={badge.id}>
                <div className="badge-body">
                  <p className="badge-name">
                    <bdi>{latinName(badge.name, false)}</bdi>
                  </p>
                  {badge.name.native !== '' && badge.name.native !== latinOrFallback(badge.name) && (
                    <p className="badge-native">
                      <bdi dir="auto">{badge.name.native}</bdi>
                    </p>
                  )}
                  {badge.country && (
                    <p className="badge-country">
                      <BiText value={badge.country} mode={mode} inline />
                    </p>
                  )}
                  {badge.organization && (
                    <p className="badge-org">
                      <BiText value={badge.organization} mode={languagesOf(mode)[0] ?? 'en'} />
                    </p>
                  )}
                </div>
                <p className="badge-band">
                  <Label mode={mode} get={(l) => l.capacityBadge[badge.capacity]} />
                </p>
              </div>
            ))}
          </section>
        ))
      )}
    </article>
  );
}
