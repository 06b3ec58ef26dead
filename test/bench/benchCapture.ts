import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeCore, openCore } from '../../main/core/coreContext';
import { writeRow } from '../../main/core/store/changeLog';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { startServer, stopServer } from '../e2e/serverFixture';
import { must, percentile } from './measure';

export interface CaptureFigures {
  notes: number;
  seedMs: number;
  /** From the hash change to the composer focused with the newest notes on screen. */
  openMs: number;
  keystrokes: number;
  /** Keydown to the next animation frame after the value changed. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Keydown to the end of the page's input handling: the app's own work per key. */
  handledMedianMs: number;
  handledP95Ms: number;
  /** The same typing into a bare textarea on an empty page: what the browser alone costs. */
  bareMedianMs: number;
  bareP95Ms: number;
}

const phrases = [
  'Broadband reached most villages, but training lags behind.',
  '乡村数字化需要同时投资基础设施和技能培训。',
  'Las cooperativas venden en línea cuando hay logística compartida.',
  'Women-led enterprises need credit that accepts land-use rights as collateral.',
];

/** A session holding `count` notes of this laptop, written through the change log in one transaction. */
async function seed(dbPath: string, count: number): Promise<{ forumId: string; sessionId: string; seedMs: number }> {
  const ctx = await openCore(dbPath);
  try {
    const forum = await must<{ id: string }>(ctx, 'forums:create', {
      title: { en: 'Capture benchmark' },
      theme: {},
      venue: { en: 'Songyang' },
      startDate: '2026-11-23',
      endDate: '2026-11-25',
      timeZone: 'Asia/Shanghai',
      coOrganisers: [],
      languages: ['en', 'zh', 'es'],
      sourceLanguage: 'en',
      outcomeKind: 'key_messages',
    });
    const session = await must<{ id: string }>(ctx, 'sessions:create', {
      forumId: forum.id,
      session: { day: '2026-11-23', startTime: '09:00', endTime: '18:00', kind: 'plenary', title: { en: 'A very long plenary' }, room: { en: 'Main hall' }, description: {}, roles: [] },
    });
    const start = performance.now();
    const base = Date.parse('2026-11-23T01:00:00.000Z');
    ctx.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        writeRow(ctx, 'notes', `bench-note-${String(i).padStart(6, '0')}`, {
          forum_id: forum.id,
          session_id: session.id,
          speaker_id: null,
          speaker_name: `Speaker ${i % 40}`,
          lang: ['en', 'zh', 'es', 'en'][i % 4] ?? 'en',
          text: `${i + 1}. ${phrases[i % phrases.length] ?? ''}`,
          created_at: new Date(base + i * 3000).toISOString(),
          tags: i % 7 === 0 ? ['sdg:11.3'] : [],
          key_point: i % 11 === 0 ? 1 : 0,
          author: ctx.deviceId,
          deleted: 0,
        });
      }
    })();
    return { forumId: forum.id, sessionId: session.id, seedMs: performance.now() - start };
  } finally {
    closeCore(ctx);
  }
}

interface Typing {
  /** Keydown to the first animation frame after the value changed. */
  frame: number[];
  /** Keydown to the end of the page's own input handling (the app's work, without the wait for a frame). */
  handled: number[];
}

/** Types in bursts into the focused textarea and times every key inside the page. */
async function typingLatency(page: Page, keystrokes: number): Promise<Typing> {
  await page.evaluate(() => {
    const box = document.activeElement;
    if (!(box instanceof HTMLTextAreaElement)) throw new Error('no textarea has the focus');
    const typing = { frame: [] as number[], handled: [] as number[] };
    let keydownAt: number | null = null;
    // The event's own timestamp: when the key arrived, before any queueing in the page.
    window.addEventListener('keydown', (event) => (keydownAt = event.timeStamp), { capture: true });
    // Bubbling on window runs after every handler below it, React's included.
    window.addEventListener('input', () => {
      const start = keydownAt;
      keydownAt = null;
      if (start === null) return;
      typing.handled.push(performance.now() - start);
      requestAnimationFrame(() => typing.frame.push(performance.now() - start));
    });
    (window as unknown as { typing: typeof typing }).typing = typing;
  });
  const text = 'The cooperative sold forty tonnes of tea online this spring and wants shared cold storage ';
  let typed = 0;
  while (typed < keystrokes) {
    const burst = text.slice(0, Math.min(40, keystrokes - typed));
    await page.keyboard.type(burst, { delay: 35 });
    typed += burst.length;
    // A rapporteur pauses between phrases: the save goes out while the next words come.
    await page.waitForTimeout(350);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { typing: Typing }).typing);
}

/**
 * Keystroke-to-screen latency in the capture box with a long session open: for each key, from the
 * keydown event's timestamp to the first animation frame after the textarea's value changed, measured
 * inside Chromium. Typing comes in bursts with pauses, so the saves that follow pauses are included.
 */
export async function benchCapture(dbPath?: string, notes = 10_000, keystrokes = 200): Promise<CaptureFigures> {
  const dir = dbPath ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-capture-bench-'));
  const file = dbPath ?? path.join(dir ?? '', 'capture.sqlite');
  const { forumId, sessionId, seedMs } = await seed(file, notes);
  const server = await startServer(file);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const openMs = await page.evaluate(
      ({ hash, last }) =>
        new Promise<number>((resolve, reject) => {
          const start = performance.now();
          const timer = setTimeout(() => reject(new Error('the capture screen did not open in 30 s')), 30_000);
          const check = () => {
            const ready = document.activeElement instanceof HTMLTextAreaElement && document.body.innerText.includes(last);
            if (!ready) return requestAnimationFrame(check);
            clearTimeout(timer);
            resolve(performance.now() - start);
          };
          window.location.hash = hash;
          requestAnimationFrame(check);
        }),
      { hash: `#/forum/${forumId}/capture/${sessionId}`, last: `${notes}. ` },
    );

    const typing = await typingLatency(page, keystrokes);
    // The floor: the same typing into a bare textarea, no app at all, in the same browser.
    const bare = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await bare.setContent('<textarea autofocus></textarea>');
    await bare.focus('textarea');
    const floor = await typingLatency(bare, keystrokes);
    return {
      notes,
      seedMs,
      openMs,
      keystrokes: typing.frame.length,
      medianMs: percentile(typing.frame, 0.5),
      p95Ms: percentile(typing.frame, 0.95),
      maxMs: Math.max(...typing.frame),
      handledMedianMs: percentile(typing.handled, 0.5),
      handledP95Ms: percentile(typing.handled, 0.95),
      bareMedianMs: percentile(floor.frame, 0.5),
      bareP95Ms: percentile(floor.frame, 0.95),
    };
  } finally {
    await browser.close();
    await stopServer(server);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
