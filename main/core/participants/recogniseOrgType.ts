import { orgTypes, type OrgType } from '../../../shared/participants';
import { appLabels } from './appLabels';
import { foldForMatching } from './foldForMatching';
import { foldKey } from './foldKey';

/** How registration forms name each type of organisation, in the six UN languages. */
const words: Record<OrgType, string[]> = {
  government: [
    'government', 'governmental', 'national government', 'central government', 'ministry', 'gov', 'govt', 'member state', 'state',
    'gouvernement', 'gouvernemental', 'gouvernement national', 'ministere', 'etat', 'administration publique',
    'gobierno', 'gubernamental', 'gobierno nacional', 'ministerio', 'estado',
    'правительство', 'государственный', 'государственный орган', 'министерство', 'госорган', 'государство',
    '政府', '国家政府', '中央政府', '部委', '政府部门',
    'حكومة', 'حكومي', 'الحكومة', 'وزارة', 'حكومة وطنية', 'دولة عضو',
  ],
  local_government: [
    'local government', 'local authority', 'local authorities', 'municipality', 'municipal', 'city', 'city government',
    'regional government', 'subnational government', 'lrg',
    'collectivite locale', 'collectivite territoriale', 'collectivites territoriales', 'autorite locale', 'municipalite', 'mairie', 'ville',
    'gobierno local', 'gobierno subnacional', 'municipalidad', 'municipio', 'ayuntamiento', 'autoridad local', 'alcaldia',
    'местное самоуправление', 'местная власть', 'местные органы власти', 'муниципалитет', 'органы местного самоуправления',
    '地方政府', '市政府', '地方当局', '城市政府',
    'حكومة محلية', 'سلطة محلية', 'السلطات المحلية', 'بلدية', 'الحكم المحلي', 'الحكومة المحلية',
  ],
  un_international: [
    'un', 'united nations', 'un agency', 'un system', 'un entity', 'international organisation', 'international organization',
    'intergovernmental organisation', 'intergovernmental organization', 'igo', 'io', 'un io', 'un international',
    'un international organisation', 'un and international organisations', 'multilateral',
    'nations unies', 'onu', 'organisation internationale', 'organisation intergouvernementale', 'systeme des nations unies',
    'naciones unidas', 'organizacion internacional', 'organismo internacional', 'organizacion intergubernamental', 'sistema de las naciones unidas',
    'оон', 'организация объединенных наций', 'организация объединённых наций', 'международная организация', 'межправительственная организация',
    '联合国', '国际组织', '政府间组织', '联合国系统',
    'الأمم المتحدة', 'الامم المتحدة', 'منظمة دولية', 'منظمة حكومية دولية', 'منظومة الأمم المتحدة',
  ],
  academia: [
    'academia', 'academic', 'university', 'research', 'research institute', 'research institution', 'think tank', 'academia and research',
    'universite', 'recherche', 'milieu universitaire', 'monde academique', 'institut de recherche', 'universitaire',
    'universidad', 'academico', 'investigacion', 'instituto de investigacion', 'academia e investigacion',
    'университет', 'академия', 'научное сообщество', 'наука', 'научно исследовательский институт', 'академические круги',
    '学术界', '学术', '大学', '研究机构', '科研机构', '学术机构',
    'الأوساط الأكاديمية', 'الأوساط الاكاديمية', 'أكاديمي', 'أكاديمية', 'جامعة', 'مؤسسة بحثية', 'البحث العلمي',
  ],
  civil_society: [
    'civil society', 'civil society organisation', 'civil society organization', 'ngo', 'cso', 'non governmental organisation',
    'non governmental organization', 'nonprofit', 'non profit', 'community organisation', 'community based organisation', 'foundation',
    'societe civile', 'ong', 'organisation non gouvernementale', 'association', 'organisation de la societe civile',
    'sociedad civil', 'organizacion no gubernamental', 'organizacion de la sociedad civil', 'fundacion', 'asociacion',
    'гражданское общество', 'нко', 'нпо', 'неправительственная организация', 'некоммерческая организация', 'общественная организация',
    '民间社会', '非政府组织', '公民社会', '社会组织', '民间组织',
    'المجتمع المدني', 'منظمة غير حكومية', 'منظمات المجتمع المدني', 'جمعية',
  ],
  private_sector: [
    'private sector', 'private', 'business', 'company', 'industry', 'corporate', 'enterprise', 'private company',
    'secteur prive', 'entreprise', 'prive', 'societe privee', 'sector privado', 'empresa', 'privado', 'empresa privada',
    'частный сектор', 'бизнес', 'компания', 'частная компания', 'предприятие',
    '私营部门', '企业', '私营', '私营企业', '私人部门',
    'القطاع الخاص', 'شركة', 'قطاع خاص', 'الشركات',
  ],
  media: [
    'media', 'press', 'journalist', 'news', 'news media',
    'medias', 'presse', 'journaliste', 'medios', 'medios de comunicacion', 'prensa', 'periodista',
    'сми', 'средства массовой информации', 'пресса', 'журналист',
    '媒体', '新闻', '记者', '新闻媒体',
    'وسائل الإعلام', 'وسائل الاعلام', 'إعلام', 'الإعلام', 'صحافة', 'صحفي',
  ],
  other: ['other', 'others', 'autre', 'autres', 'otro', 'otra', 'otros', 'другое', 'прочее', 'другие', '其他', 'أخرى', 'اخرى', 'آخر', 'غير ذلك'],
};

let index: Map<string, OrgType> | undefined;

/** The organisation type a cell names (or its code, "local_government"), or undefined. */
export function recogniseOrgType(value: string): OrgType | undefined {
  if (!index) {
    index = new Map();
    for (const [type, names] of Object.entries(words) as Array<[OrgType, string[]]>) {
      index.set(foldForMatching(type), type);
      for (const name of names) index.set(foldForMatching(name), type);
    }
    // The app's own labels win: a list Plenary exported must come back as it left.
    for (const [label, code] of appLabels('orgType', orgTypes)) index.set(foldForMatching(label), code);
  }
  return index.get(foldKey(value));
}
