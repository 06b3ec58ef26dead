import { agendaWarnings, type WarningSession } from '../../shared/agendaWarnings';
import { similarPairs } from '../../main/core/capture/similarMessages';
import { percentile, time } from './measure';

export interface CheckFigures {
  sessions: number;
  roles: number;
  warningsMedianMs: number;
  warningsP95Ms: number;
  messages: number;
  duplicatesMedianMs: number;
  duplicatesP95Ms: number;
}

/**
 * The agenda of the unit test "finds no false clashes among 500 sessions" (test/unit/agenda):
 * 25 parallel sessions an hour in 25 rooms over two days, four speakers each.
 */
function bigAgenda(count: number): WarningSession[] {
  const sessions: WarningSession[] = [];
  for (let i = 0; i < count; i++) {
    const hour = String(8 + (Math.floor(i / 25) % 10)).padStart(2, '0');
    sessions.push({
      id: `s${i}`,
      day: `2026-03-0${2 + (Math.floor(i / 250) % 3)}`,
      startTime: `${hour}:00`,
      endTime: `${hour}:50`,
      kind: 'parallel',
      room: { en: `Room ${i % 25}` },
      roles: [0, 1, 2, 3].map((k) => ({ participantId: `p${(i * 4 + k) % 1500}`, role: 'speaker' as const, name: `Person ${(i * 4 + k) % 1500}` })),
    });
  }
  return sessions;
}

/** The key messages of the unit test over 500 messages (test/unit/keyMessages/duplicates.test.ts). */
function manyMessages(count: number) {
  const words = 'water housing transport land heritage climate youth women markets roads energy waste health schools parks finance data'.split(' ');
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    text: {
      en: Array.from({ length: 18 }, () => words[Math.floor(next() * words.length)]).join(' ') + ` item${i}`,
      zh: `第${i}条：城市与乡村在住房、交通和水资源方面需要合作。`,
    },
  }));
}

/**
 * Two checks the screens run over a whole forum: the agenda's warnings (computed on every
 * agenda:get) and the duplicate suggestions among key messages (TF-IDF, on the key messages screen).
 */
export async function benchChecks(runs = 20): Promise<CheckFigures> {
  const forum = { startDate: '2026-03-02', endDate: '2026-03-04', sourceLanguage: 'en' };
  const sessions = bigAgenda(500);
  agendaWarnings(forum, sessions); // the first run includes compiling the code
  const warnings: number[] = [];
  for (let run = 0; run < runs; run++) warnings.push(await time(() => agendaWarnings(forum, sessions)));

  const messages = manyMessages(500);
  similarPairs(messages);
  const duplicates: number[] = [];
  for (let run = 0; run < runs; run++) duplicates.push(await time(() => similarPairs(messages)));

  return {
    sessions: sessions.length,
    roles: sessions.reduce((sum, session) => sum + session.roles.length, 0),
    warningsMedianMs: percentile(warnings, 0.5),
    warningsP95Ms: percentile(warnings, 0.95),
    messages: messages.length,
    duplicatesMedianMs: percentile(duplicates, 0.5),
    duplicatesP95Ms: percentile(duplicates, 0.95),
  };
}
