// @vitest-environment jsdom
// A CSV/TSV cell whose quote does not pair up is refused at the cell where the quote opens, and
// nothing changes; d3-dsv alone would read an unclosed quote to the end of the text (the rest of
// the table in one cell, "3 stages, 1 lanes" reported as a success).
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { parseTable } from '../../ui/formats';
import { readRows, writeRows, type Delimiter } from '../../ui/formats/dsv';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const UNCLOSED = 'Stage,Discover,Buy,Use\nActions,"Looks around, then,Pays,Uses\nThoughts,Hmm,Ok,Fine\n';
const NOT_CLOSED = 'the quote (") opening this cell is not closed at its end (inside quotes, write a quote as "")';

describe('quotes that do not pair up', () => {
  it('an unclosed quote is reported where it opens, not read to the end of the table', () => {
    expect(parseTable(UNCLOSED)).toEqual({ ok: false, issues: [{ path: 'row 2, column B', message: NOT_CLOSED }] });
    // The same in a spreadsheet copy (tabs), after a title row, CRLF line breaks, a byte-order mark
    // and a quoted cell holding a line break, which stays one sheet row.
    const tsv = '\uFEFFTrip\r\n\r\nT\tA\tB\r\nNotes\t"two\r\nlines"\tz\r\nMore\tq\t"unclosed\r\n';
    expect(parseTable(tsv)).toEqual({ ok: false, issues: [{ path: 'row 5, column C', message: NOT_CLOSED }] });
  });

  it('a quote that closes before its cell ends is reported too (d3-dsv would drop a character and shift the row)', () => {
    expect(parseTable('T,A,B\nNotes,"Great" he said,x\n')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column B', message: NOT_CLOSED }],
    });
    // An unclosed quote that a later cell's quote "closes": still reported where it opens.
    expect(parseTable('T,A,B\nNotes,"Looks around,x\nMore,"y",z\n')).toEqual({
      ok: false,
      issues: [{ path: 'row 2, column B', message: NOT_CLOSED }],
    });
  });

  it('quotes inside a cell, doubled quotes and quotes mid-cell read as before', () => {
    const rows = readRows('T,A,B\nNotes,"a ""b"", c",say "hi"\n"",x,\n');
    expect(rows.problem).toBeUndefined();
    expect(rows.rows).toEqual([
      ['T', 'A', 'B'],
      ['Notes', 'a "b", c', 'say "hi"'],
      ['', 'x', ''],
    ]);
  });

  it('whatever d3-dsv writes reads back without a problem, as the same rows', () => {
    // Cells hold quotes, line breaks and the delimiter ("," stands for it), none of the other two.
    const cell = fc.stringMatching(/^[a-z ",\n\r]{0,8}$/);
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>('\t', ',', ';'),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (d, sheet) => {
          const rows = sheet.map((r) => r.map((c) => c.replace(/,/g, d)));
          const read = readRows(writeRows(rows, d));
          expect(read.problem).toBeUndefined();
          expect(read.delimiter).toBe(d);
          expect(read.rows).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n').trim())));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in the panel: a located error, the map and the footer unchanged', () => {
    const { controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    fireEvent.click(tab(/^Data/));
    fireEvent.input(screen.getByLabelText(/Paste a map/), { target: { value: UNCLOSED } });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    expect(screen.getByRole('alert').textContent).toBe(
      `This table could not be imported (your map is unchanged):row 2, column B: ${NOT_CLOSED}`,
    );
    expect(controller.state.map).toBe(before);
    expect(controller.state.status).toBeNull();
  });
});
