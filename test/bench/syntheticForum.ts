// A World-Urban-Forum-size event, made up: participants as a CSV file (so the import itself is
// measured) and an agenda of many sessions. Names mix scripts as real lists do.

const given = ['María José', 'Jean-Luc', 'Aïcha', 'Søren', 'Nguyễn Văn', 'Olga', 'Chidi', 'Zoë', 'Łukasz', 'Ana'];
const family = ['Núñez', 'Ørsted', 'Benali', 'Kowalczyk', 'Okafor', 'Smirnova', 'García', 'Dubois', 'Tanaka', 'Silva'];
const chinese = ['王小明', '李建国', '张晓燕', '刘伟', '陈静', '杨洋', '赵丽', '黄磊', '周杰', '吴芳'];
const arabic = ['محمد العلي', 'فاطمة حسن', 'أحمد يوسف', 'ليلى خالد', 'عمر سعيد'];
const cyrillic = ['Иван Петров', 'Анна Соколова', 'Дмитрий Волков', 'Елена Морозова'];
const orgTypes = ['Government', 'Local government', 'UN', 'University', 'NGO', 'Private sector', 'Media', 'Other'];
const countries = ['CN', 'Mexico', 'Kenya', 'France', 'Brasil', 'Россия', 'مصر', '日本', 'India', 'ES', 'DEU', 'Colombia'];

/** Row i of the made-up list; every 97th person is listed twice (same email) to exercise duplicates. */
function person(i: number): string[] {
  const n = i % 97 === 0 && i > 0 ? i - 1 : i;
  const script = n % 10;
  const name =
    script < 6
      ? `${given[n % given.length]} ${family[Math.floor(n / 10) % family.length]} ${n}`
      : script < 8
        ? `${chinese[Math.floor(n / 10) % chinese.length]}${n}`
        : script < 9
          ? `${arabic[Math.floor(n / 10) % arabic.length]} ${n}`
          : `${cyrillic[Math.floor(n / 10) % cyrillic.length]} ${n}`;
  return [
    name,
    `Organisation ${n % 1500}`,
    orgTypes[n % orgTypes.length] ?? 'Other',
    countries[n % countries.length] ?? 'CN',
    n % 2 ? 'F' : 'M',
    `person${n}@example.org`,
  ];
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function participantsCsv(rows: number): string {
  const lines = [['Name', 'Organization', 'Organization type', 'Country', 'Gender', 'E-mail'].join(',')];
  for (let i = 0; i < rows; i++) lines.push(person(i).map(quote).join(','));
  return `${lines.join('\n')}\n`;
}

export interface SyntheticSession {
  day: string;
  startTime: string;
  endTime: string;
  kind: 'plenary' | 'parallel' | 'side_event';
  title: Record<string, string>;
  room: Record<string, string>;
}

/** `count` sessions over five days, 25 rooms, 90-minute slots from 08:00, titled in en/zh/es. */
export function syntheticSessions(count: number, startDate: string): SyntheticSession[] {
  const sessions: SyntheticSession[] = [];
  const slots = ['08:00', '09:30', '11:00', '13:30', '15:00', '16:30'];
  const end = (time: string) => {
    const [h = 0, m = 0] = time.split(':').map(Number);
    const total = h * 60 + m + 90;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  for (let i = 0; i < count; i++) {
    const day = new Date(`${startDate}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + (Math.floor(i / 100) % 5));
    const slot = slots[Math.floor(i / 25) % slots.length] ?? '08:00';
    const room = i % 25;
    sessions.push({
      day: day.toISOString().slice(0, 10),
      startTime: slot,
      endTime: end(slot),
      kind: room === 0 ? 'plenary' : room % 7 === 0 ? 'side_event' : 'parallel',
      title: { en: `Session ${i + 1}: Housing, land and basic services`, zh: `第${i + 1}场：住房、土地与基本服务`, ...(i % 3 ? { es: `Sesión ${i + 1}: vivienda, suelo y servicios básicos` } : {}) },
      room: { en: `Room ${room + 1}`, zh: `${room + 1}号厅`, es: `Sala ${room + 1}` },
    });
  }
  return sessions;
}
