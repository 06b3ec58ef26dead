import { genders, type Gender } from '../../../shared/participants';
import { appLabels } from './appLabels';
import { foldForMatching } from './foldForMatching';
import { foldKey } from './foldKey';

const words: Record<Gender, string[]> = {
  female: [
    'female', 'f', 'woman', 'women', 'w', 'femme', 'feminin', 'mujer', 'femenino', 'femenina',
    'женский', 'женщина', 'ж', 'жен', '女', '女性', 'أنثى', 'انثى', 'امرأة',
  ],
  male: [
    'male', 'm', 'man', 'men', 'homme', 'masculin', 'h', 'hombre', 'masculino', 'varon',
    'мужской', 'мужчина', 'м', 'муж', '男', '男性', 'ذكر', 'رجل',
  ],
  other: [
    'other', 'non binary', 'nonbinary', 'diverse', 'x', 'autre', 'non binaire', 'otro', 'otra', 'no binario',
    'другой', 'другое', 'небинарный', '其他', '非二元', 'آخر', 'أخرى', 'اخرى',
  ],
  undisclosed: [
    'undisclosed', 'prefer not to say', 'prefers not to say', 'prefer not to answer', 'not disclosed', 'not stated', 'declined',
    'prefere ne pas repondre', 'prefere ne pas le dire', 'prefere ne pas le preciser', 'non communique', 'non precise',
    'prefiere no decir', 'prefiero no decirlo', 'prefiere no contestar', 'prefiero no responder', 'prefiere no decirlo', 'no indica',
    'предпочитаю не указывать', 'предпочитает не указывать', 'не указан', 'не указано', 'не указывать',
    '不愿透露', '不愿说明', '保密', '不便透露', '未说明',
    'أفضل عدم الإفصاح', 'يفضل عدم الإفصاح', 'أفضّل عدم الإفصاح', 'غير مذكور',
  ],
};

let index: Map<string, Gender> | undefined;

/**
 * The gender a cell states, or undefined. `hmColumn`: the column uses Spanish H/M (hombre,
 * mujer), told by H and M appearing without F, so M means mujer.
 */
export function recogniseGender(value: string, hmColumn = false): Gender | undefined {
  if (!index) {
    index = new Map();
    for (const [gender, names] of Object.entries(words) as Array<[Gender, string[]]>) {
      index.set(foldForMatching(gender), gender);
      for (const name of names) index.set(foldForMatching(name), gender);
    }
    // The app's own labels win: a list Plenary exported must come back as it left.
    for (const [label, code] of appLabels('gender', genders)) index.set(foldForMatching(label), code);
  }
  const folded = foldKey(value);
  if (hmColumn && folded === 'm') return 'female';
  return index.get(folded);
}
