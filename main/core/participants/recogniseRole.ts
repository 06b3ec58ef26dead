import { participantRoles, type ParticipantRole } from '../../../shared/participants';
import { appLabels } from './appLabels';
import { foldForMatching } from './foldForMatching';
import { foldKey } from './foldKey';

// UN terminology where it exists: "Докладчик", "报告员" and "مقرر" are the rapporteur.
const words: Record<ParticipantRole, string[]> = {
  organiser: [
    'organiser', 'organizer', 'organisers', 'organizers', 'host', 'secretariat', 'staff',
    'organisateur', 'organisatrice', 'secretariat', 'organizador', 'organizadora', 'secretaria',
    'организатор', 'секретариат', '组织者', '主办方', '秘书处', 'منظم', 'منظمة', 'الأمانة', 'المنظم',
  ],
  chair: [
    'chair', 'chairperson', 'chairman', 'chairwoman', 'co chair', 'president', 'presidente', 'presidenta',
    'presidence', 'presidencia', 'copresident', 'copresidente', 'председатель', 'сопредседатель', '主席', '联合主席',
    'رئيس', 'رئيسة', 'رئيس الجلسة', 'رئيس مشارك',
  ],
  moderator: [
    'moderator', 'facilitator', 'moderateur', 'moderatrice', 'animateur', 'animatrice', 'facilitateur', 'moderador', 'moderadora',
    'facilitador', 'facilitadora', 'модератор', 'ведущий', 'фасилитатор', '主持人', '协调人', 'مدير الجلسة', 'ميسر', 'منسق الجلسة',
  ],
  speaker: [
    'speaker', 'speakers', 'panellist', 'panelist', 'presenter', 'keynote', 'keynote speaker', 'discussant',
    'intervenant', 'intervenante', 'orateur', 'oratrice', 'conferencier', 'conferenciere', 'paneliste',
    'ponente', 'orador', 'oradora', 'conferencista', 'panelista',
    'оратор', 'спикер', 'выступающий', 'выступающая', 'участник дискуссии', '发言人', '演讲者', '讲者', '发言者', '嘉宾',
    'متحدث', 'متحدثة', 'المتحدث', 'محاضر',
  ],
  rapporteur: [
    'rapporteur', 'rapporteurs', 'note taker', 'notetaker', 'rapporteuse', 'relator', 'relatora', 'relatores',
    'докладчик', '报告员', 'مقرر', 'مقررة', 'المقرر',
  ],
  participant: [
    'participant', 'participants', 'attendee', 'delegate', 'observer', 'participante', 'delegue', 'deleguee', 'observateur',
    'delegado', 'delegada', 'observador', 'участник', 'участница', 'делегат', 'наблюдатель',
    '与会者', '参会者', '参与者', '代表', '观察员', 'مشارك', 'مشاركة', 'مندوب', 'مراقب',
  ],
};

let index: Map<string, ParticipantRole> | undefined;

export function recogniseRole(value: string): ParticipantRole | undefined {
  if (!index) {
    index = new Map();
    for (const [role, names] of Object.entries(words) as Array<[ParticipantRole, string[]]>) {
      index.set(foldForMatching(role), role);
      for (const name of names) index.set(foldForMatching(name), role);
    }
    // The app's own labels win: a list Plenary exported must come back as it left.
    for (const [label, code] of appLabels('role', participantRoles)) index.set(foldForMatching(label), code);
  }
  return index.get(foldKey(value));
}
