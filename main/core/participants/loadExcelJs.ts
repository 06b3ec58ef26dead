import type ExcelJS from 'exceljs';

/**
 * exceljs is most of the core's weight (several MB of script) and only spreadsheets need it: it
 * stays outside the bundle and is loaded on first use, so starting the app or the CLI never pays
 * for it.
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const module = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return module.default ?? module;
}
