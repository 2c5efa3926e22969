import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let font: Buffer | undefined;

/**
 * Noto Sans Hans (SIL Open Font License), shipped by the @embedpdf/fonts-sc npm package:
 * Chinese and Latin in one face, embedded (subset) in every PDF, so the report reads right
 * on a machine without CJK fonts. Read once; pdfkit subsets it per document.
 */
export function reportFont(): Buffer {
  font ??= readFileSync(
    join(dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts/NotoSansHans-Regular.otf'),
  );
  return font;
}
