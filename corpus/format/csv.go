package format

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// parseCSV reads one document per data row. The header row names the
// columns; column is the text column.
//
// Quotes are strict (LazyQuotes off): a stray quote is reported as a bad
// row instead of silently gluing rows together. Every row must have as
// many fields as the header.
func parseCSV(name, text, column string) ([]Record, []error) {
	r := csv.NewReader(strings.NewReader(text))
	header, err := r.Read()
	if err != nil {
		return nil, []error{&Error{Line: 1, Err: fmt.Errorf("csv header: %w", err)}}
	}
	names := columnNames(header)
	textCol := -1
	for i, h := range names {
		if strings.EqualFold(h, column) {
			textCol = i
			break
		}
	}
	if textCol < 0 {
		return nil, []error{&Error{Line: 1, Err: fmt.Errorf("%w %q: header has %q", ErrNoColumn, column, header)}}
	}
	var recs []Record
	var errs []error
	for item := 1; ; item++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			errs = append(errs, &Error{Line: line, Item: item, Err: err})
			continue
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(row[textCol]) == "" {
			errs = append(errs, &Error{Line: line, Item: item, Err: fmt.Errorf("empty %q column: %w", column, ErrNoText)})
			continue
		}
		rec := Record{Item: item, Line: line, Text: row[textCol], Meta: map[string]string{}}
		for i, v := range row {
			if i != textCol && v != "" {
				rec.Meta[names[i]] = v
			}
		}
		recs = append(recs, fieldRecord(name, rec))
	}
	return recs, errs
}

// columnNames trims the header's names and names blank columns by
// position ("column3"), so that every value has a Meta key. The
// well-known columns (id, title, date, source, url) are matched without
// regard to case.
func columnNames(header []string) []string {
	names := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		switch l := strings.ToLower(h); l {
		case "id", "title", "date", "source", "url", "author":
			h = l
		case "":
			h = fmt.Sprintf("column%d", i+1)
		}
		names[i] = h
	}
	return names
}
