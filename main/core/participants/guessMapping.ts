import { importFields, type ColumnMapping, type ImportField } from '../../../shared/participantImport';
import { foldForMatching } from './foldForMatching';

/**
 * What header cells say, in the six UN languages and the variants registration forms use. A
 * header "Name", "Nom", "Nombre", "Имя" or "名字" alone is the full name; beside a given-name
 * column it is the family name, beside a family-name column the given name ('nameOrPart').
 */
const headerWords: Record<ImportField | 'nameOrPart', string[]> = {
  name: [
    'full name', '=participant', 'participant name', 'name of participant', 'participant s name', 'name and surname',
    'first and last name', 'names', '=delegate', 'delegate name',
    'nom complet', 'nom et prenom', 'prenom et nom', 'nom prenom', 'prenom nom', 'nom du participant', '=participant e',
    'nombre completo', 'nombre y apellidos', 'nombre y apellido', 'apellidos y nombre', 'nombre del participante', '=participante',
    'фио', 'ф и о', 'полное имя', 'имя и фамилия', 'фамилия и имя', 'фамилия имя отчество', '=участник',
    '姓名', '全名', '=参会者', '=与会者', '=参会人', '=参会人员', '姓名 全名',
    'الاسم الكامل', 'الاسم', 'اسم المشارك', 'الاسم واللقب', '=المشارك',
  ],
  nameOrPart: ['name', 'nom', 'nombre', 'имя', '名字', 'اسم'],
  givenName: [
    'first name', 'given name', 'given names', 'forename', '=first', 'firstname', 'givenname',
    'prenom', 'prenoms', 'nombres', 'nombre de pila', 'имя участника', '名', 'الاسم الأول', 'الاسم الاول',
  ],
  familyName: [
    'last name', 'surname', 'family name', '=last', 'lastname', 'familyname',
    'nom de famille', 'apellido', 'apellidos', 'primer apellido', 'фамилия', '姓', '姓氏', 'اسم العائلة', 'اللقب', 'الكنية',
  ],
  organisation: [
    'organisation', 'organization', 'org', 'organisation name', 'organization name', 'institution', 'affiliation',
    'company', 'agency', 'entity', 'employer', 'ministry or organisation',
    'organisme', 'structure', 'entreprise', 'nom de l organisation', 'organisation d appartenance',
    'organizacion', 'institucion', 'entidad', 'empresa', 'organismo',
    'организация', 'учреждение', 'ведомство', 'место работы',
    '组织', '组织名称', '机构', '单位', '工作单位', '所属机构', '机构名称',
    'المنظمة', 'المؤسسة', 'الجهة', 'الهيئة', 'جهة العمل', 'المنظمة المؤسسة',
  ],
  position: [
    'position', '=title', 'job title', 'title position', 'position title', 'title or position', 'designation', '=post', '=job', 'function',
    'fonction', 'poste', '=titre', 'intitule du poste', 'cargo', 'puesto', '=titulo', 'funcion', 'cargo o funcion',
    'должность', 'занимаемая должность', '职务', '职位', '头衔', '职称', 'المنصب', 'الوظيفة', 'المسمى الوظيفي', '=الصفة',
  ],
  orgType: [
    'type of organisation', 'type of organization', 'organisation type', 'organization type', 'org type', '=type',
    'organisation s type', 'organization s type', 'entity type', 'type of entity', 'institution type', 'type of institution',
    'category', 'sector', 'stakeholder group', 'stakeholder type',
    'type d organisation', 'type d organisme', 'type de structure', 'categorie', 'secteur',
    'tipo de organizacion', 'tipo de entidad', '=tipo', 'categoria', 'sector de la organizacion',
    'тип организации', '=тип', 'категория', 'сектор', 'вид организации',
    '组织类型', '机构类型', '类型', '类别', '单位类型',
    'نوع المنظمة', 'نوع الجهة', 'نوع المؤسسة', 'الفئة', 'القطاع',
  ],
  country: [
    'country', 'nation', 'nationality', 'country of residence', 'country code', 'country region',
    'pays', 'nationalite', 'pays de residence', 'pais', 'nacionalidad', 'pais de residencia',
    'страна', 'гражданство', 'страна проживания', '国家', '国家 地区', '国籍', '国家或地区', '国家地区',
    'البلد', 'الدولة', 'الجنسية', 'بلد الإقامة',
  ],
  gender: ['gender', 'sex', 'genre', 'sexe', 'genero', 'sexo', 'пол', 'гендер', '性别', 'الجنس', 'النوع الاجتماعي'],
  roles: [
    'role', 'roles', 'role in the forum', 'participation', 'type of participation', 'type of participant', 'participant type', 'function in the forum',
    'role s', 'fonction dans le forum', 'type de participation', 'rol', 'papel', 'tipo de participacion',
    'роль', 'роли', 'вид участия', '角色', '身份', '参会身份', 'الدور', 'الأدوار', 'صفة المشاركة',
  ],
  email: [
    'email', 'e mail', '=mail', 'email address', 'e mail address', 'emails',
    'courriel', 'adresse e mail', 'adresse email', 'adresse electronique', 'adresse courriel', '=mel',
    'correo', 'correo electronico', 'correo e', 'direccion de correo electronico', 'email correo',
    'электронная почта', 'эл почта', 'почта', 'адрес электронной почты', 'емейл',
    '电子邮件', '邮箱', '电邮', '电子邮箱', '邮件', '电子邮件地址',
    'البريد الإلكتروني', 'البريد الالكتروني', 'البريد', 'الإيميل', 'الايميل',
  ],
  languages: [
    'languages', 'language', 'working languages', 'working language', 'spoken languages', 'languages spoken',
    'langues', 'langue', 'langues parlees', 'langue de travail', 'idiomas', 'idioma', 'lenguas', 'lengua', 'idiomas hablados',
    'языки', 'язык', 'рабочие языки', 'рабочий язык', '语言', '语文', '工作语言', 'اللغات', 'اللغة', 'لغة العمل',
  ],
};

type Candidate = ImportField | 'nameOrPart';

let exact: Map<string, Candidate> | undefined;
let partial: Array<[string, Candidate]> | undefined;

function vocabulary(): { exact: Map<string, Candidate>; partial: Array<[string, Candidate]> } {
  if (!exact || !partial) {
    exact = new Map();
    partial = [];
    for (const [field, words] of Object.entries(headerWords) as Array<[Candidate, string[]]>) {
      for (const word of words) {
        const folded = foldForMatching(word);
        exact.set(folded, field);
        const han = /\p{Script=Han}/u.test(folded);
        if (!word.startsWith('=') && folded.length >= (han ? 2 : 3)) partial.push([folded, field]);
      }
    }
    // Longest first, so "type of organisation" wins over "organisation" inside a longer header.
    partial.sort((a, b) => b[0].length - a[0].length);
  }
  return { exact, partial };
}

/** Whole words for scripts with spaces; any substring for Chinese, which writes none. */
function contains(header: string, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return header.includes(word);
  return ` ${header} `.includes(` ${word} `);
}

/**
 * Which column feeds each field, guessed from the header row. Exact header matches are taken
 * before headers merely containing a known word ("E-mail address (work)"); each column feeds one
 * field and each field takes the leftmost column that fits. Words marked '=' in the lists are too
 * vague to count inside a longer header ("Participant email" is an email).
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const { exact: words, partial: parts } = vocabulary();
  const scored: Array<{ column: number; field: Candidate; score: number }> = [];
  headers.forEach((header, column) => {
    const folded = foldForMatching(header);
    if (!folded) return;
    const field = words.get(folded);
    if (field) {
      scored.push({ column, field, score: 10_000 });
      return;
    }
    const hit = parts.find(([word]) => contains(folded, word));
    if (hit) scored.push({ column, field: hit[1], score: hit[0].length });
  });
  scored.sort((a, b) => b.score - a.score || a.column - b.column);
  const taken = new Map<Candidate, number>();
  for (const { column, field } of scored) if (!taken.has(field)) taken.set(field, column);

  const nameOrPart = taken.get('nameOrPart');
  if (nameOrPart !== undefined && !taken.has('name')) {
    const given = taken.has('givenName');
    const family = taken.has('familyName');
    if (given && !family) taken.set('familyName', nameOrPart);
    else if (family && !given) taken.set('givenName', nameOrPart);
    else if (!given) taken.set('name', nameOrPart);
  }
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    const column = taken.get(field);
    if (column !== undefined) mapping[field] = column;
  }
  return mapping;
}
