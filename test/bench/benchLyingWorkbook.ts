import { loadExcelJs } from '../../main/core/participants/loadExcelJs';
import { readSpreadsheet } from '../../main/core/participants/readSpreadsheet';
import { lyingWorkbooks } from '../unit/helpers/lyingWorkbooks';

export interface LyingWorkbookFigures {
  label: string;
  bytes: number;
  refuseMs: number;
  refuseCpuMs: number;
  /** Resident memory before, and the most seen while refusing (sampled every 5 ms). */
  rssBeforeMb: number;
  rssPeakMb: number;
  refusal: string;
}

/** The 2 MB workbooks of issue 12 whose parts unpack to gigabytes, read as an import reads them. */
export async function benchLyingWorkbook(): Promise<LyingWorkbookFigures[]> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Participants');
  sheet.addRow(['Name', 'Organisation', 'Email']);
  for (let i = 0; i < 200; i++) sheet.addRow([`Person ${i}`, `Organisation ${i % 17}`, `p${i}@example.org`]);
  const real = new Uint8Array(await workbook.xlsx.writeBuffer());
  const figures: LyingWorkbookFigures[] = [];
  for (const lie of lyingWorkbooks(real)) {
    const mb = () => process.memoryUsage().rss / 1024 / 1024;
    const rssBeforeMb = mb();
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, mb())), 5);
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    let refusal = 'accepted';
    await readSpreadsheet(lie.bytes).catch((error: unknown) => (refusal = (error as Error).message));
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    figures.push({
      label: lie.label,
      bytes: lie.bytes.length,
      refuseMs: Number(process.hrtime.bigint() - start) / 1e6,
      refuseCpuMs: (used.user + used.system) / 1000,
      rssBeforeMb,
      rssPeakMb: Math.max(rssPeakMb, mb()),
      refusal,
    });
  }
  return figures;
}
