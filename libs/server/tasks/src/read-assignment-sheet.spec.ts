import ExcelJS from 'exceljs';
import { cellText, readAssignmentSheet, splitDepartmentNames } from './read-assignment-sheet';
import { TaskException } from './task.exception';

function sheet(rows: unknown[][]): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet('任务台账');
  rows.forEach((r) => ws.addRow(r));
  return ws;
}

describe(readAssignmentSheet.name, () => {
  it('finds the header under a title row and reads each row, dates and names included', () => {
    const { headerRow, rows } = readAssignmentSheet(
      sheet([
        ['任务台账'],
        ['序号', '任务编号', '任务', '牵头单位', '配合单位', '完成时限'],
        [1, '2.1.1', '建设铁路', '省交通运输厅', '杭州市、宁波市', new Date(Date.UTC(2027, 2, 31))],
        [],
        [2, '2.1.2', { richText: [{ text: '港口' }, { text: '合作' }] }, '省交通运输厅', '', '2027年底'],
      ]),
    );
    expect(headerRow).toBe(2);
    expect(rows).toEqual([
      { row: 3, id: '', code: '2.1.1', title: '建设铁路', lead: '省交通运输厅', co: ['杭州市', '宁波市'], deadline: { kind: 'date', date: '2027-03-31' } },
      { row: 5, id: '', code: '2.1.2', title: '港口合作', lead: '省交通运输厅', co: [], deadline: { kind: 'text', text: '2027年底' } },
    ]);
  });

  it('names the missing columns and the header row', () => {
    try {
      readAssignmentSheet(sheet([['序号', '任务编号', '任务', '配合单位']]));
      fail('expected an exception');
    } catch (error) {
      expect(error).toBeInstanceOf(TaskException);
      expect((error as TaskException).message).toBe('第1行 表头缺少列：牵头单位、完成时限');
    }
  });
});

describe(cellText.name, () => {
  it('reads formulas by their result and hyperlinks by their text', () => {
    expect(cellText({ formula: 'A1', result: '省科技厅' })).toBe('省科技厅');
    expect(cellText({ text: '省科技厅', hyperlink: 'http://x' })).toBe('省科技厅');
    expect(cellText(null)).toBe('');
  });
});

describe(splitDepartmentNames.name, () => {
  it('splits on 、，, ; and new lines', () => {
    expect(splitDepartmentNames('省科技厅、省教育厅,杭州市；宁波市\n舟山市')).toEqual(['省科技厅', '省教育厅', '杭州市', '宁波市', '舟山市']);
  });
});
