import type PDFDocument from 'pdfkit';

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const ROW_GAP = 4;

/**
 * Draws a table row by row from the cursor, starting a new page (with the header again)
 * when the next row would not fit. Cells are cut to one line so rows stay even.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: Iterable<string[]>,
): void {
  const left = doc.page.margins.left;
  const headers = columns.map((c) => c.header);
  const hasHeader = headers.some((h) => h !== '');
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;
  const line = (cells: string[], header: boolean) => {
    const height = doc.currentLineHeight() + ROW_GAP;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!header && hasHeader) line(headers, true);
    }
    const y = doc.y;
    let x = left;
    doc.fillColor(header ? '#555555' : '#111111');
    columns.forEach((column, i) => {
      // One line per cell: a line break in a merchant's name would run into the next row.
      doc.text(fit(doc, (cells[i] ?? '').replace(/\s+/g, ' '), column.width - 4), x + 2, y, {
        width: column.width - 4,
        align: column.align ?? 'left',
        lineBreak: false,
      });
      x += column.width;
    });
    doc.y = y + height;
    doc
      .strokeColor(header ? '#999999' : '#e2e2e2')
      .lineWidth(0.5)
      .moveTo(left, doc.y - 2)
      .lineTo(x, doc.y - 2)
      .stroke();
    doc.x = left;
  };
  if (hasHeader) line(headers, true);
  for (const row of rows) line(row, false);
  doc.fillColor('#111111');
  doc.moveDown(0.5);
}

/** `text` cut (with an ellipsis) to fit `width` at the current font size. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export type { PDFDocument };
