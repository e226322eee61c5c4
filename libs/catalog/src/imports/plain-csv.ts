/**
 * A reader for the CSV most spreadsheets write, giving exactly what csv-parse gives with the import's options
 * (`delimiter`, `relax_column_count`, `skip_empty_lines`, `info`, `bom`) for such a text, in a fraction of its time:
 * csv-parse walks the UTF-8 bytes one by one, this reads whole lines and cells with `indexOf`.
 *
 * It takes a text only when every line of it ends the same way (CRLF, LF or CR, the first one decides as in
 * csv-parse), every quote opens a cell or closes one or is doubled inside one, no quoted cell spans lines, and
 * there is no NUL and no lone surrogate. On anything else {@link plainCsv} answers null and the import reads the
 * file with csv-parse, so csv-parse's own answers (its quirks on odd line endings, its error codes and lines for
 * malformed files) stay what the seller sees. `plain-csv.spec.ts` compares both on the same texts.
 */
export interface CsvRecord {
  record: string[];
  /** The line the record is on (1-based, empty lines counted), as csv-parse's `info.lines`. */
  info: { lines: number };
}

const QUOTE = '"';

/** The records of `text`, or null when it is not plain CSV as described above. */
export function plainCsv(text: string, delimiter: string): Iterable<CsvRecord> | null {
  if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\r' || delimiter === '\n') return null;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // csv-parse's `bom: true`
  if (text.includes('\u0000') || !(text as string & { isWellFormed(): boolean }).isWellFormed()) return null;
  const firstEnd = text.search(/[\r\n]/);
  const ending = firstEnd < 0 ? '\n' : text[firstEnd] === '\r' ? (text[firstEnd + 1] === '\n' ? '\r\n' : '\r') : '\n';
  const stray = ending === '\r\n' ? /\r(?!\n)|(?<!\r)\n/ : ending === '\n' ? /\r/ : /\n/;
  if (stray.test(text)) return null;
  if (!quotesArePlain(text, delimiter)) return null;
  return records(text, delimiter, ending);
}

/** Every quote opens a cell (at its start), is doubled inside a quoted cell, or closes it before a delimiter or a line end. */
function quotesArePlain(text: string, delimiter: string): boolean {
  let at = text.indexOf(QUOTE);
  while (at >= 0) {
    const before = at === 0 ? '\n' : text[at - 1];
    if (before !== delimiter && before !== '\n' && before !== '\r') return false;
    let close = at + 1;
    for (;;) {
      close = text.indexOf(QUOTE, close);
      if (close < 0) return false;
      if (text[close + 1] === QUOTE) close += 2;
      else break;
    }
    const after = text[close + 1];
    if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r') return false;
    const inner = text.slice(at + 1, close);
    if (inner.includes('\n') || inner.includes('\r')) return false;
    at = text.indexOf(QUOTE, close + 1);
  }
  return true;
}

function* records(text: string, delimiter: string, ending: string): Generator<CsvRecord> {
  const length = text.length;
  const endChar = ending[0];
  let pos = 0;
  let line = 1;
  while (pos < length) {
    let eol = text.indexOf(endChar, pos);
    if (eol < 0) eol = length;
    if (eol > pos) {
      const quote = text.indexOf(QUOTE, pos);
      const record = quote < 0 || quote >= eol ? text.slice(pos, eol).split(delimiter) : quotedLine(text, pos, eol, delimiter);
      yield { record, info: { lines: line } };
    }
    pos = eol + ending.length;
    line++;
  }
}

function quotedLine(text: string, start: number, eol: number, delimiter: string): string[] {
  const cells: string[] = [];
  let pos = start;
  for (;;) {
    if (text[pos] === QUOTE) {
      let value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf(QUOTE, from);
        if (text[q + 1] === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
        } else {
          value += text.slice(from, q);
          pos = q + 1;
          break;
        }
      }
      cells.push(value);
    } else {
      let end = text.indexOf(delimiter, pos);
      if (end < 0 || end > eol) end = eol;
      cells.push(text.slice(pos, end));
      pos = end;
    }
    if (pos >= eol) return cells;
    pos++; // the delimiter
    if (pos === eol) {
      cells.push('');
      return cells;
    }
  }
}
