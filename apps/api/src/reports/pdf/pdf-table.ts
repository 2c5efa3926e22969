import type PDFDocument from 'pdfkit';

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** The report's body text size, which a table with a size of its own returns to. */
export const BODY_FONT_SIZE = 9;

export interface TableStyle {
  /** Font size of the rows and the header; the current size when omitted. */
  fontSize?: number;
  rowGap?: number;
}

const ROW_GAP = 4;
const PAD = 2;

/**
 * Draws a table row by row from the cursor, starting a new page (with the header again)
 * when the next row would not fit. Cells are cut to one line so rows stay even.
 *
 * Each cell is placed at a computed x with no `width`: given one, pdfkit runs its line
 * wrapper per call, which made a 5,000-terminal list most of a portfolio PDF's time.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: Iterable<string[]>,
  style: TableStyle = {},
): void {
  const left = doc.page.margins.left;
  const right = left + columns.reduce((sum, c) => sum + c.width, 0);
  if (style.fontSize) doc.fontSize(style.fontSize);
  const height = doc.currentLineHeight() + (style.rowGap ?? ROW_GAP);
  const headers = columns.map((c) => c.header);
  const hasHeader = headers.some((h) => h !== '');
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;
  let y = doc.y;
  const line = (cells: string[], header: boolean) => {
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.y;
      if (!header && hasHeader) line(headers, true);
    }
    let x = left;
    doc.fillColor(header ? '#555555' : '#111111');
    columns.forEach((column, i) => {
      // One line per cell: a line break in a merchant's name would run into the next row.
      const room = column.width - 2 * PAD;
      const { text, width } = fit(doc, (cells[i] ?? '').replace(/\s+/g, ' '), room);
      if (text !== '') {
        const offset = column.align === 'right' ? room - width : 0;
        // textWidth: pdfkit measures the string again without it (laying it out once more).
        doc.text(text, x + PAD + offset, y, {
          lineBreak: false,
          textWidth: width,
        } as PDFKit.Mixins.TextOptions);
      }
      x += column.width;
    });
    y += height;
    doc
      .strokeColor(header ? '#999999' : '#e2e2e2')
      .lineWidth(0.5)
      .moveTo(left, y - 2)
      .lineTo(right, y - 2)
      .stroke();
  };
  if (hasHeader) line(headers, true);
  for (const row of rows) line(row, false);
  if (style.fontSize) doc.fontSize(BODY_FONT_SIZE);
  doc.x = left;
  doc.y = y;
  doc.fillColor('#111111');
  doc.moveDown(0.5);
}

/**
 * `text` cut (with an ellipsis) to fit `room` at the current font size: the longest prefix
 * that does, with its width (measured once, used for alignment and drawing).
 */
function fit(doc: PDFKit.PDFDocument, text: string, room: number): { text: string; width: number } {
  const whole = doc.widthOfString(text);
  if (whole <= room) return { text, width: whole };
  let fits = 0;
  let fitsWidth = doc.widthOfString('…');
  let over = text.length;
  while (over - fits > 1) {
    const mid = (fits + over) >> 1;
    const width = doc.widthOfString(`${text.slice(0, mid)}…`);
    if (width <= room) [fits, fitsWidth] = [mid, width];
    else over = mid;
  }
  return { text: `${text.slice(0, fits)}…`, width: fitsWidth };
}

export type { PDFDocument };
