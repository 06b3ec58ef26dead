/**
 * UN short names (UNTERM, as in UN documents and the M49 list) in the six languages, where the
 * common names of i18n-iso-countries differ from them ("South Korea", "США", "Corée du Sud").
 * Order of each entry: ar, zh, en, fr, ru, es.
 */
const table: Record<string, readonly [string, string, string, string, string, string]> = {
  BN: ['بروني دار السلام', '文莱达鲁萨兰国', 'Brunei Darussalam', 'Brunéi Darussalam', 'Бруней-Даруссалам', 'Brunei Darussalam'],
  BO: ['بوليفيا (دولة - المتعددة القوميات)', '多民族玻利维亚国', 'Bolivia (Plurinational State of)', 'Bolivie (État plurinational de)', 'Боливия (Многонациональное Государство)', 'Bolivia (Estado Plurinacional de)'],
  BS: ['جزر البهاما', '巴哈马', 'Bahamas', 'Bahamas', 'Багамские Острова', 'Bahamas'],
  BY: ['بيلاروس', '白俄罗斯', 'Belarus', 'Bélarus', 'Беларусь', 'Belarús'],
  CD: ['جمهورية الكونغو الديمقراطية', '刚果民主共和国', 'Democratic Republic of the Congo', 'République démocratique du Congo', 'Демократическая Республика Конго', 'República Democrática del Congo'],
  CF: ['جمهورية أفريقيا الوسطى', '中非共和国', 'Central African Republic', 'République centrafricaine', 'Центральноафриканская Республика', 'República Centroafricana'],
  CG: ['الكونغو', '刚果', 'Congo', 'Congo', 'Конго', 'Congo'],
  CI: ['كوت ديفوار', '科特迪瓦', "Côte d'Ivoire", "Côte d'Ivoire", "Кот-д'Ивуар", "Côte d'Ivoire"],
  CN: ['الصين', '中国', 'China', 'Chine', 'Китай', 'China'],
  CV: ['كابو فيردي', '佛得角', 'Cabo Verde', 'Cabo Verde', 'Кабо-Верде', 'Cabo Verde'],
  CZ: ['تشيكيا', '捷克', 'Czechia', 'Tchéquie', 'Чехия', 'Chequia'],
  DO: ['الجمهورية الدومينيكية', '多米尼加共和国', 'Dominican Republic', 'République dominicaine', 'Доминиканская Республика', 'República Dominicana'],
  FM: ['ميكرونيزيا (ولايات - الموحدة)', '密克罗尼西亚联邦', 'Micronesia (Federated States of)', 'Micronésie (États fédérés de)', 'Микронезия (Федеративные Штаты)', 'Micronesia (Estados Federados de)'],
  GB: ['المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية', '大不列颠及北爱尔兰联合王国', 'United Kingdom of Great Britain and Northern Ireland', "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", 'Соединенное Королевство Великобритании и Северной Ирландии', 'Reino Unido de Gran Bretaña e Irlanda del Norte'],
  GM: ['غامبيا', '冈比亚', 'Gambia', 'Gambie', 'Гамбия', 'Gambia'],
  HK: ['الصين، منطقة هونغ كونغ الإدارية الخاصة', '中国香港特别行政区', 'China, Hong Kong Special Administrative Region', 'Chine, région administrative spéciale de Hong Kong', 'Китай, Специальный административный район Гонконг', 'China, región administrativa especial de Hong Kong'],
  IR: ['إيران (جمهورية - الإسلامية)', '伊朗伊斯兰共和国', 'Iran (Islamic Republic of)', "Iran (République islamique d')", 'Иран (Исламская Республика)', 'Irán (República Islámica del)'],
  KG: ['قيرغيزستان', '吉尔吉斯斯坦', 'Kyrgyzstan', 'Kirghizistan', 'Кыргызстан', 'Kirguistán'],
  KN: ['سانت كيتس ونيفس', '圣基茨和尼维斯', 'Saint Kitts and Nevis', 'Saint-Kitts-et-Nevis', 'Сент-Китс и Невис', 'Saint Kitts y Nevis'],
  KP: ['جمهورية كوريا الشعبية الديمقراطية', '朝鲜民主主义人民共和国', "Democratic People's Republic of Korea", 'République populaire démocratique de Corée', 'Корейская Народно-Демократическая Республика', 'República Popular Democrática de Corea'],
  KR: ['جمهورية كوريا', '大韩民国', 'Republic of Korea', 'République de Corée', 'Республика Корея', 'República de Corea'],
  LA: ['جمهورية لاو الديمقراطية الشعبية', '老挝人民民主共和国', "Lao People's Democratic Republic", 'République démocratique populaire lao', 'Лаосская Народно-Демократическая Республика', 'República Democrática Popular Lao'],
  MD: ['جمهورية مولدوفا', '摩尔多瓦共和国', 'Republic of Moldova', 'République de Moldova', 'Республика Молдова', 'República de Moldova'],
  MK: ['مقدونيا الشمالية', '北马其顿', 'North Macedonia', 'Macédoine du Nord', 'Северная Македония', 'Macedonia del Norte'],
  MM: ['ميانمار', '缅甸', 'Myanmar', 'Myanmar', 'Мьянма', 'Myanmar'],
  MO: ['الصين، منطقة ماكاو الإدارية الخاصة', '中国澳门特别行政区', 'China, Macao Special Administrative Region', 'Chine, région administrative spéciale de Macao', 'Китай, Специальный административный район Макао', 'China, región administrativa especial de Macao'],
  NL: ['هولندا (مملكة)', '荷兰王国', 'Netherlands (Kingdom of the)', 'Pays-Bas (Royaume des)', 'Нидерланды (Королевство)', 'Países Bajos (Reino de los)'],
  PS: ['دولة فلسطين', '巴勒斯坦国', 'State of Palestine', 'État de Palestine', 'Государство Палестина', 'Estado de Palestina'],
  RU: ['الاتحاد الروسي', '俄罗斯联邦', 'Russian Federation', 'Fédération de Russie', 'Российская Федерация', 'Federación de Rusia'],
  SY: ['الجمهورية العربية السورية', '阿拉伯叙利亚共和国', 'Syrian Arab Republic', 'République arabe syrienne', 'Сирийская Арабская Республика', 'República Árabe Siria'],
  SZ: ['إسواتيني', '斯威士兰', 'Eswatini', 'Eswatini', 'Эсватини', 'Eswatini'],
  TL: ['تيمور - ليشتي', '东帝汶', 'Timor-Leste', 'Timor-Leste', 'Тимор-Лешти', 'Timor-Leste'],
  TR: ['تركيا', '土耳其', 'Türkiye', 'Türkiye', 'Турция', 'Türkiye'],
  TZ: ['جمهورية تنزانيا المتحدة', '坦桑尼亚联合共和国', 'United Republic of Tanzania', 'République-Unie de Tanzanie', 'Объединенная Республика Танзания', 'República Unida de Tanzanía'],
  US: ['الولايات المتحدة الأمريكية', '美利坚合众国', 'United States of America', "États-Unis d'Amérique", 'Соединенные Штаты Америки', 'Estados Unidos de América'],
  VA: ['الكرسي الرسولي', '教廷', 'Holy See', 'Saint-Siège', 'Святой Престол', 'Santa Sede'],
  VE: ['فنزويلا (جمهورية - البوليفارية)', '委内瑞拉玻利瓦尔共和国', 'Venezuela (Bolivarian Republic of)', 'Venezuela (République bolivarienne du)', 'Венесуэла (Боливарианская Республика)', 'Venezuela (República Bolivariana de)'],
  VN: ['فييت نام', '越南', 'Viet Nam', 'Viet Nam', 'Вьетнам', 'Viet Nam'],
};

const columns = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** The UN short name of `code` in `lang` (one of the six), where it differs from the common one. */
export function unShortName(code: string, lang: string): string | undefined {
  const column = (columns as readonly string[]).indexOf(lang);
  return column < 0 ? undefined : table[code]?.[column];
}

export const unShortNameCodes: readonly string[] = Object.keys(table);
