import type { Database } from 'better-sqlite3';
import { writeRow, type Writer } from './changeLog';

// Preferences belong to one device: the row id carries the device so laptops never fight over them.
const rowId = (deviceId: string, key: string) => `${deviceId}/${key}`;

export function getSetting(db: Database, deviceId: string, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE id = ?').get(rowId(deviceId, key)) as
    | { value: string | null }
    | undefined;
  return row?.value ?? null;
}

export function setSetting(writer: Writer, key: string, value: string): void {
  writeRow(writer, 'settings', rowId(writer.deviceId, key), { value });
}
