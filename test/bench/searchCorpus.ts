// Made-up rapporteurs' notes in the forum's working languages, built from phrases so that common
// words are common (thousands of notes), a few names are rare, and Chinese sentences run without
// spaces as they are typed. Deterministic: note i is always the same text.

const english = {
  who: ['The mayor of Kisumu', 'A delegate from Colombia', 'The minister', 'A researcher from Nairobi', 'The UN-Habitat representative', 'A youth activist', 'The chair', 'A farmer from Oaxaca'],
  verb: ['stressed that', 'argued that', 'reminded the room that', 'noted that', 'warned that', 'proposed that'],
  topic: ['urban-rural linkages', 'small towns', 'food systems', 'land tenure', 'public transport', 'informal settlements', 'water management', 'regional planning'],
  claim: ['need long-term financing', 'depend on local governments', 'must include women and youth', 'are missing from national plans', 'require better data', 'should be planned across municipal borders'],
  tail: ['in secondary cities', 'after the pandemic', 'in the next five years', 'for rural migrants', 'along the main corridors', 'in coastal regions'],
};

const spanish = {
  who: ['La alcaldesa de Medellín', 'Un delegado de Perú', 'La ministra', 'Una investigadora de Bogotá', 'El representante de ONU-Hábitat', 'Una joven activista'],
  verb: ['subrayó que', 'recordó que', 'señaló que', 'advirtió que', 'propuso que'],
  topic: ['los vínculos urbano-rurales', 'las ciudades intermedias', 'los sistemas alimentarios', 'la tenencia de la tierra', 'el transporte público', 'la gestión del agua'],
  claim: ['necesitan financiación a largo plazo', 'dependen de los gobiernos locales', 'deben incluir a mujeres y jóvenes', 'faltan en los planes nacionales', 'requieren mejores datos'],
  tail: ['en las zonas rurales', 'después de la pandemia', 'en los próximos cinco años', 'para los migrantes', 'en la región andina'],
};

const chinese = {
  who: ['市长', '来自云南的代表', '部长', '一位研究人员', '联合国人居署代表', '一位青年代表', '主持人'],
  verb: ['强调', '指出', '提醒大家', '认为', '建议'],
  topic: ['城乡联系', '小城镇发展', '粮食系统', '土地权属', '公共交通', '供水管理', '区域规划', '城市更新'],
  claim: ['需要长期资金', '依靠地方政府', '必须包括妇女和青年', '在国家规划中缺失', '需要更好的数据'],
  tail: ['在中小城市', '在疫情之后', '在未来五年', '对于外来务工人员', '在沿海地区'],
};
// Only some Chinese notes speak of rural revitalisation, so 乡村 is a term of middling frequency.
const chineseRural = ['我们讨论了乡村振兴', '乡村地区的学校正在关闭', '他提到乡村道路'];

const arabic = {
  who: ['رئيس بلدية عمّان', 'مندوب من مصر', 'الوزيرة', 'باحثة من تونس', 'ممثل موئل الأمم المتحدة', 'ناشط شاب'],
  verb: ['أكد أن', 'أشار إلى أن', 'ذكّر بأن', 'حذّر من أن', 'اقترح أن'],
  topic: ['الروابط بين المدن والأرياف', 'المدن الصغيرة', 'النظم الغذائية', 'حيازة الأراضي', 'النقل العام', 'إدارة المياه'],
  claim: ['تحتاج إلى تمويل طويل الأجل', 'تعتمد على الحكومات المحلية', 'يجب أن تشمل النساء والشباب', 'غائبة عن الخطط الوطنية'],
  tail: ['في المدن الثانوية', 'بعد الجائحة', 'في السنوات الخمس القادمة', 'في المناطق الساحلية'],
};

type Phrases = typeof english;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** A cheap deterministic mix of i, so neighbouring notes do not share every phrase. */
function mix(i: number, salt: number): number {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x ^= x >>> 13;
  x = Math.imul(x, 1274126177);
  return (x ^ (x >>> 16)) >>> 0;
}

function sentence(p: Phrases, i: number, join: (parts: string[]) => string): string {
  return join([pick(p.who, mix(i, 1)), pick(p.verb, mix(i, 2)), pick(p.topic, mix(i, 3)), pick(p.claim, mix(i, 4)), pick(p.tail, mix(i, 5))]);
}

/** The rare term: one note in 10,000 (whatever its language) quotes this researcher. */
export const rareTerm = 'Wojciechowska';

/** Note i: its language and text (one or two sentences, 60 to 300 characters). */
export function syntheticNote(i: number): { lang: string; text: string } {
  const note = sentences(i);
  return i % 10_000 === 17 ? { ...note, text: `${note.text} (Dr ${rareTerm}, Poland)` } : note;
}

function sentences(i: number): { lang: string; text: string } {
  const spaced = (parts: string[]) => `${parts.join(' ')}.`;
  const kind = mix(i, 0) % 10;
  const second = mix(i, 6) % 3 === 0;
  if (kind < 4) {
    let text = sentence(english, i, spaced);
    if (second) text += ` ${sentence(english, i + 7, spaced)}`;
    return { lang: 'en', text };
  }
  if (kind < 6) {
    let text = sentence(spanish, i, spaced);
    if (second) text += ` ${sentence(spanish, i + 7, spaced)}`;
    return { lang: 'es', text };
  }
  if (kind < 8) {
    const han = (parts: string[]) => `${parts[0]}${parts[1]}，${parts[2]}${parts[3]}，${parts[4]}。`;
    let text = sentence(chinese, i, han);
    if (mix(i, 7) % 4 === 0) text = `${pick(chineseRural, mix(i, 8))}，${text}`;
    if (second) text += sentence(chinese, i + 7, han);
    return { lang: 'zh', text };
  }
  let text = sentence(arabic, i, spaced);
  if (second) text += ` ${sentence(arabic, i + 7, spaced)}`;
  return { lang: 'ar', text };
}
