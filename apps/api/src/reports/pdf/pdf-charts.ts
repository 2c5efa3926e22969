/** Vector charts drawn with PDF paths (no images): they stay sharp at any zoom. */

const BAR = '#2f6fb3';
const ALT = '#d9822b';

export interface BarDatum {
  label: string;
  value: number;
}

/** Horizontal bars, one per datum, labelled and scaled to the largest. */
export function drawBarChart(doc: PDFKit.PDFDocument, data: readonly BarDatum[], width: number): void {
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const barRoom = width - labelWidth - 60;
  const max = Math.max(1, ...data.map((d) => d.value));
  const rowHeight = 16;
  ensureRoom(doc, data.length * rowHeight + 8);
  for (const d of data) {
    const y = doc.y;
    doc
      .fillColor('#111111')
      .text(d.label, left, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const w = Math.max(1, (d.value / max) * barRoom);
    doc.rect(left + labelWidth, y + 2, w, rowHeight - 5).fill(BAR);
    doc
      .fillColor('#111111')
      .text(String(Math.round(d.value)), left + labelWidth + w + 4, y + 2, { lineBreak: false });
    doc.y = y + rowHeight;
  }
  doc.x = left;
  doc.moveDown(0.5);
}

export interface SeriesPoint {
  label: string;
  a: number;
  b: number;
}

/** Two series over days as lines on one axis with a legend: `a` (blue) and `b` (orange). */
export function drawLineChart(
  doc: PDFKit.PDFDocument,
  points: readonly SeriesPoint[],
  legend: [string, string],
  width: number,
): void {
  const height = 120;
  ensureRoom(doc, height + 40);
  const left = doc.page.margins.left + 30;
  const top = doc.y + 4;
  const plotWidth = width - 40;
  const max = Math.max(1, ...points.flatMap((p) => [p.a, p.b]));
  doc
    .strokeColor('#999999')
    .lineWidth(0.5)
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + plotWidth, top + height)
    .stroke();
  doc
    .fillColor('#555555')
    .fontSize(7)
    .text(String(Math.round(max)), left - 30, top - 3, { width: 26, align: 'right' });
  doc.text('0', left - 30, top + height - 4, { width: 26, align: 'right' });
  const x = (i: number) =>
    left + (points.length <= 1 ? plotWidth / 2 : (i / (points.length - 1)) * plotWidth);
  const y = (v: number) => top + height - (v / max) * height;
  for (const [key, color] of [
    ['a', BAR],
    ['b', ALT],
  ] as const) {
    points.forEach((p, i) => (i === 0 ? doc.moveTo(x(i), y(p[key])) : doc.lineTo(x(i), y(p[key]))));
    doc.strokeColor(color).lineWidth(1.5).stroke();
    points.forEach((p, i) => doc.circle(x(i), y(p[key]), 1.8).fill(color));
  }
  const step = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % step === 0)
      doc
        .fillColor('#555555')
        .text(p.label.slice(5), x(i) - 15, top + height + 3, { width: 30, align: 'center' });
  });
  const legendY = top + height + 14;
  doc.rect(left, legendY + 2, 8, 5).fill(BAR);
  doc.fillColor('#111111').text(legend[0], left + 11, legendY, { lineBreak: false });
  doc.rect(left + 90, legendY + 2, 8, 5).fill(ALT);
  doc.fillColor('#111111').text(legend[1], left + 101, legendY, { lineBreak: false });
  doc.fontSize(9);
  doc.x = doc.page.margins.left;
  doc.y = legendY + 16;
}

function ensureRoom(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom - 14) doc.addPage();
}
