package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/baogao/baogao/corpus"
	"github.com/baogao/baogao/corpus/format/layout"
)

// ErrNotDOCX reports a file that is not a word processing document: not
// a zip archive, or an archive without word/document.xml (a spreadsheet,
// a presentation, any other zip).
var ErrNotDOCX = errors.New("not a Word document (no word/document.xml)")

// maxPart bounds the uncompressed size of one part read into memory: a
// zip bomb stops here, not in the machine's memory.
const maxPart = 256 << 20

// Doc is the text and properties of a document.
type Doc struct {
	// Text has one paragraph per line, table rows as one line with the
	// cells separated by tabs, blank lines where the document has empty
	// paragraphs (runs of them kept as one), and each footnote or endnote
	// as a line "ⁿ …" after the paragraph that cites it, the citation
	// written ⁿ (superscript digits, as printed) in its place.
	Text string
	// Heading is the text of the first heading (Title style or an outline
	// level), "" when there is none.
	Heading string
	// Title, Author and Created are the document properties
	// (docProps/core.xml); Created is the date as written, zero if absent.
	Title, Author string
	Created       corpus.Date
	// Pages are the byte offsets into Text where pages start, from the
	// page breaks the document records: explicit ones and those Word
	// noted when it last laid the document out. Nil when there are none:
	// LibreOffice and WPS do not record where their pages broke.
	Pages []int
}

// Read reads a DOCX (or any OOXML word processing file: .docm, .dotx,
// WPS's OOXML .wps) from b.
func Read(b []byte) (*Doc, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(f.Name)] = f
	}
	main := parts["word/document.xml"]
	if main == nil {
		return nil, ErrNotDOCX
	}
	r := &reader{styles: map[string]style{}, notes: map[string]string{}}
	if f := parts["word/styles.xml"]; f != nil {
		if err := r.readStyles(f); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		if f := parts[name]; f != nil {
			if err := r.readNotes(f); err != nil {
				return nil, err
			}
		}
	}
	if err := r.readBody(main); err != nil {
		return nil, err
	}
	d := &Doc{Text: strings.TrimRight(r.out.String(), "\n"), Heading: r.heading}
	for _, p := range r.pages {
		if p < len(d.Text) && (len(d.Pages) == 0 || p > d.Pages[len(d.Pages)-1]) {
			d.Pages = append(d.Pages, p)
		}
	}
	if len(d.Pages) > 0 {
		d.Pages = append([]int{0}, d.Pages...)
		if d.Pages[1] == 0 {
			d.Pages = d.Pages[1:]
		}
	}
	if f := parts["docprops/core.xml"]; f != nil {
		if err := d.readCore(f); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// eachToken calls fn with every XML token of part f, and the decoder
// for DecodeElement; a bad part is an error naming it.
func eachToken(f *zip.File, fn func(dec *xml.Decoder, tok xml.Token) error) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxPart))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err == nil {
			err = fn(dec, tok)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
}

// style is what the body needs of a paragraph style.
type style struct {
	heading bool // Title, Heading n, or a style with an outline level
}

var headingName = regexp.MustCompile(`(?i)^(?:title|heading ?\d|标题(?: ?\d)?)$`)

func (r *reader) readStyles(f *zip.File) error {
	var id string
	var st style
	return eachToken(f, func(_ *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, st = attr(t, "styleId"), style{}
			case "name":
				st.heading = st.heading || headingName.MatchString(attr(t, "val"))
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "val")); err == nil && n < 9 {
					st.heading = true
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				r.styles[id] = st
			}
		}
		return nil
	})
}

// readNotes reads footnotes.xml or endnotes.xml: each note's paragraphs
// joined by a space, separators left out.
func (r *reader) readNotes(f *zip.File) error {
	var (
		id   string
		text strings.Builder
		in   bool
	)
	return eachToken(f, func(dec *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "footnote", "endnote":
				typ := attr(t, "type")
				in = typ == "" || typ == "normal"
				id = t.Name.Local + ":" + attr(t, "id")
				text.Reset()
			case "t":
				if in {
					var s string
					if err := dec.DecodeElement(&s, &t); err != nil {
						return err
					}
					text.WriteString(s)
				}
			case "tab":
				text.WriteByte(' ')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if in && text.Len() > 0 {
					text.WriteByte(' ')
				}
			case "footnote", "endnote":
				if in {
					r.notes[id] = strings.Join(strings.Fields(text.String()), " ")
				}
				in = false
			}
		}
		return nil
	})
}

// reader assembles the body text.
type reader struct {
	styles  map[string]style
	notes   map[string]string // "footnote:2" → text
	out     strings.Builder
	heading string
	pages   []int // offsets into out where a page starts
	nnotes  int   // notes cited so far: the next citation is [nnotes+1]
	blank   bool  // out ends with a blank line (or is empty)
}

// para is a paragraph being read; paragraphs nest (a text box inside a
// paragraph, a table inside a cell).
type para struct {
	text    strings.Builder
	heading bool
	notes   []string // texts of the notes it cites, in order
	breaks  []int    // offsets into text where a page starts
}

func (r *reader) readBody(f *zip.File) error {
	var (
		stack []*para
		rows  []*row // tables being read, innermost last
		skip  int    // depth inside an element whose text is not content
		field []bool // per open complex field: true while in its instructions
	)
	r.blank = true
	cur := func() *para {
		if len(stack) == 0 {
			return nil
		}
		return stack[len(stack)-1]
	}
	return eachToken(f, func(dec *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				return nil
			}
			p := cur()
			switch t.Name.Local {
			case "Fallback", "del", "moveFrom", "instrText", "delText", "sdtPr", "rPr":
				// mc:Fallback repeats mc:Choice for old readers; deleted
				// and moved-away text, field instructions and properties
				// are not what the page shows.
				skip = 1
			case "p":
				stack = append(stack, &para{})
			case "pStyle":
				if p != nil && r.styles[attr(t, "val")].heading {
					p.heading = true
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(t, "val")); p != nil && err == nil && n < 9 {
					p.heading = true
				}
			case "pageBreakBefore":
				if p != nil && attr(t, "val") != "0" && attr(t, "val") != "false" {
					p.breaks = append(p.breaks, 0)
				}
			case "lastRenderedPageBreak":
				if p != nil {
					p.breaks = append(p.breaks, p.text.Len())
				}
			case "br":
				if p != nil {
					if attr(t, "type") == "page" {
						p.breaks = append(p.breaks, p.text.Len())
					} else if attr(t, "type") != "column" {
						p.text.WriteByte('\n')
					}
				}
			case "cr":
				if p != nil {
					p.text.WriteByte('\n')
				}
			case "tab":
				if p != nil {
					p.text.WriteByte('\t')
				}
			case "noBreakHyphen":
				if p != nil {
					p.text.WriteByte('-')
				}
			case "fldChar":
				switch attr(t, "fldCharType") {
				case "begin":
					field = append(field, true)
				case "separate":
					if len(field) > 0 {
						field[len(field)-1] = false
					}
				case "end":
					if len(field) > 0 {
						field = field[:len(field)-1]
					}
				}
			case "t":
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return err
				}
				if p != nil && !(len(field) > 0 && field[len(field)-1]) {
					p.text.WriteString(s)
				}
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				if note, ok := r.notes[kind+":"+attr(t, "id")]; ok && p != nil {
					r.nnotes++
					mark := layout.Superscript(strconv.Itoa(r.nnotes))
					p.text.WriteString(mark)
					p.notes = append(p.notes, mark+" "+note)
				}
			case "tbl":
				rows = append(rows, nil)
			case "tr":
				if len(rows) > 0 {
					rows[len(rows)-1] = &row{}
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				return nil
			}
			switch t.Name.Local {
			case "p":
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if len(rows) > 0 && rows[len(rows)-1] != nil {
					rows[len(rows)-1].cell(p) // a paragraph of a table cell
				} else {
					// A paragraph of a text box is written before the
					// paragraph holding the box, which is still open.
					r.line(p)
				}
			case "tc":
				if len(rows) > 0 && rows[len(rows)-1] != nil {
					rows[len(rows)-1].endCell()
				}
			case "tr":
				if len(rows) > 0 && rows[len(rows)-1] != nil {
					rw := rows[len(rows)-1]
					rows[len(rows)-1] = nil
					if len(rows) > 1 && rows[len(rows)-2] != nil {
						rows[len(rows)-2].nested(rw) // a table inside a cell
					} else {
						r.line(rw.para())
					}
				}
			case "tbl":
				if len(rows) > 0 {
					rows = rows[:len(rows)-1]
				}
			}
		}
		return nil
	})
}

// line writes one paragraph and the notes it cites.
func (r *reader) line(p *para) {
	text := strings.TrimRight(p.text.String(), " \t\u3000\n")
	start := r.out.Len()
	var atEnd bool // a break after the last character: the page starts after the paragraph
	for _, b := range p.breaks {
		if b < len(text) {
			r.pages = append(r.pages, start+b)
		} else {
			atEnd = true
		}
	}
	defer func() {
		if atEnd {
			r.pages = append(r.pages, r.out.Len())
		}
	}()
	if strings.TrimSpace(text) == "" {
		if !r.blank {
			r.out.WriteByte('\n')
			r.blank = true
		}
		return
	}
	if p.heading && r.heading == "" {
		r.heading = strings.Join(strings.Fields(text), " ")
	}
	r.out.WriteString(text)
	r.out.WriteByte('\n')
	for _, n := range p.notes {
		r.out.WriteString(n)
		r.out.WriteByte('\n')
	}
	r.blank = false
}

// row is a table row being read.
type row struct {
	cells []string
	cur   []string // paragraphs of the open cell
	notes []string
}

func (rw *row) cell(p *para) {
	if s := strings.Join(strings.Fields(p.text.String()), " "); s != "" {
		rw.cur = append(rw.cur, s)
	}
	rw.notes = append(rw.notes, p.notes...)
}

func (rw *row) endCell() {
	rw.cells = append(rw.cells, strings.Join(rw.cur, " "))
	rw.cur = nil
}

// nested adds a row of a table inside the open cell of rw.
func (rw *row) nested(in *row) {
	rw.cur = append(rw.cur, strings.Join(strings.Fields(strings.Join(in.cells, " ")), " "))
	rw.notes = append(rw.notes, in.notes...)
}

// para returns the row as one line: cells separated by tabs.
func (rw *row) para() *para {
	p := &para{notes: rw.notes}
	p.text.WriteString(strings.Join(rw.cells, "\t"))
	return p
}

// readCore reads the document properties.
func (d *Doc) readCore(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	var core struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
		Created string `xml:"created"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, maxPart)).Decode(&core); err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	d.Title = strings.TrimSpace(core.Title)
	d.Author = strings.TrimSpace(core.Creator)
	d.Created = parseDate(strings.TrimSpace(core.Created))
	return nil
}

var w3cDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

// parseDate reads the date part of a W3CDTF timestamp as written (Word
// writes UTC, LibreOffice local time; the date is not shifted).
func parseDate(s string) corpus.Date {
	m := w3cDate.FindStringSubmatch(s)
	if m == nil {
		return corpus.Date{}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	dd, _ := strconv.Atoi(m[3])
	// Word writes 1601-01-01 or 1899-12-30 for "never set".
	if y < 1980 || mo < 1 || mo > 12 || dd < 1 || dd > 31 {
		return corpus.Date{}
	}
	return corpus.Date{Year: y, Month: mo, Day: dd}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
