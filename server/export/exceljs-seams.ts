import type ExcelJS from 'exceljs'

interface DefinedNameModel {
  name: string
  ranges: string[]
  localSheetId?: number
}

/**
 * The one place that reaches past ExcelJS's public API (4.4). ExcelJS writes a sheet's
 * autoFilter but not the sheet-local name `_xlnm._FilterDatabase` that Excel itself writes
 * beside it, and LibreOffice shows no filter buttons without that name. Workbook-level names
 * from the public API cannot be sheet-local, so the name is appended to the model ExcelJS
 * writes from. If a later ExcelJS changes that model, nothing is added (Excel's filter still works).
 */
export function addFilterDatabaseName(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, range: string): void {
  const names = book.definedNames as unknown as { model: DefinedNameModel[] }
  const base = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names), 'model')
  if (!base?.get || !base.set) return
  const sheetIndex = book.worksheets.indexOf(sheet)
  if (sheetIndex < 0) return
  const extra: DefinedNameModel = { name: '_xlnm._FilterDatabase', localSheetId: sheetIndex, ranges: [`'${sheet.name.replace(/'/g, "''")}'!${range}`] }
  Object.defineProperty(names, 'model', {
    configurable: true,
    get: () => [...(base.get!.call(names) as DefinedNameModel[]), extra],
    set: (value: DefinedNameModel[]) => {
      base.set!.call(names, value)
    },
  })
}
