package format

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baogao/baogao/corpus"
)

// Binary formats are read from a file's bytes by their own readers
// (pipeline does it: corpus/format/pdf, docx, ocr) instead of being
// decoded as text. Their names are what Sniff returns.
const (
	PDF   = "pdf"   // Portable Document Format: text layer, or scanned pages
	DOCX  = "docx"  // Office Open XML word processing (Word 2007+, WPS, LibreOffice)
	Image = "image" // a scanned page: PNG, JPEG, TIFF, BMP
	// Doc is a legacy binary word processor file (Word 97–2003 .doc, WPS
	// .wps): an OLE compound file, not read.
	Doc = "doc"
	// RTF is Rich Text Format, often saved under a .doc name; not read.
	RTF = "rtf"
)

// binaryKinds maps extensions to the binary format they promise; Sniff
// has the last word.
var binaryKinds = map[string]string{
	".pdf":  PDF,
	".docx": DOCX,
	".docm": DOCX,
	".dotx": DOCX,
	".wps":  Doc, // WPS Office saves .wps as OLE or as OOXML: Sniff tells
	".doc":  Doc,
	".rtf":  RTF,
	".png":  Image,
	".jpg":  Image,
	".jpeg": Image,
	".tif":  Image,
	".tiff": Image,
	".bmp":  Image,
}

// BinaryKind returns the binary format the extension of name promises,
// "" for a text format.
func BinaryKind(name string) string {
	return binaryKinds[strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))]
}

// Sniff returns the format of a file whose name promised kind (from
// BinaryKind), by its first bytes: a .doc that is really a DOCX, a PDF
// or an HTML page (web sites often serve these as .doc), a .pdf that
// is an image. "" means text: decode it and parse it as HTML when it
// looks like markup, else as plain text.
func Sniff(kind string, b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")) || kind == PDF && bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		if kind == DOCX || kind == Doc {
			return DOCX
		}
	case bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return Doc
	case bytes.HasPrefix(b, []byte(`{\rtf`)):
		return RTF
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")), bytes.HasPrefix(b, []byte("\xff\xd8\xff")),
		bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")), bytes.HasPrefix(b, []byte("BM")) && kind == Image:
		return Image
	}
	if kind == Doc {
		return "" // text or markup under a .doc or .wps name
	}
	return kind // damaged: the format's reader says what is wrong
}

// LooksHTML reports whether text, decoded from a file of a binary
// format's name, is an HTML page.
func LooksHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 1024)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<html")
}

// FileInfo is what a binary file says about itself in its metadata.
type FileInfo struct {
	// Titles are the candidate titles in order of trust: for DOCX the
	// first heading, then the document property; for PDF the Title
	// entry. Placeholders (a file name, "Microsoft Word - …", 无标题)
	// are passed over; with none left the title comes from the text.
	Titles []string
	// Created is the creation date the metadata gives, zero if none or
	// not trusted (a browser stamps the moment it printed).
	Created corpus.Date
	// Meta holds what else the file says, under their Meta keys
	// ("file_author", "producer", "created").
	Meta map[string]string
}

// FileRecord completes the record of a document read from a binary
// format, whose text the format's reader assembled: Meta from the
// text's source lines and from info, the document date, the title. The
// date is chosen as for text files; the file's creation date (DateSource
// "metadata") comes when the text writes no full date and no other year.
func FileRecord(name, text string, info FileInfo) Record {
	rec := Record{Text: text, Meta: map[string]string{}}
	for k, v := range info.Meta {
		if v != "" {
			rec.Meta[k] = v
		}
	}
	rec.MetaSpans = lineMeta(rec.Meta, text)
	rec.Date, rec.DateSource = dateOf(corpus.Date{}, info.Created, text, name)
	for _, t := range info.Titles {
		if t = cleanTitle(strings.TrimSpace(t)); fileTitle(t, name) {
			rec.Title = t
			break
		}
	}
	if rec.Title == "" {
		rec.Title = lineTitle(text)
	}
	return rec
}

// placeholderTitle matches the titles word processors and printers fill
// in by themselves: the application's prefix, a file name, 无标题.
var placeholderTitle = regexp.MustCompile(`(?i)^(?:microsoft (?:word|excel|powerpoint) - |wps |untitled|document\d*$|文档\d*$|新建|无标题|未命名|标题$|title$|slide|about:blank)|\.(?:docx?|wps|pdf|html?|txt|xlsx?|pptx?|jpe?g|png|tiff?)$`)

// fileTitle reports whether t, a title from a file's metadata, names the
// document rather than standing in for a missing one.
func fileTitle(t, name string) bool {
	if t == "" || utf8.RuneCountInString(t) > maxTitle || placeholderTitle.MatchString(t) {
		return false
	}
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	if t == strings.TrimSuffix(base, path.Ext(base)) && !strings.ContainsFunc(t, isHan) {
		return false // "report_2023" from the file name, not a title
	}
	return titleLike(t) || strings.ContainsFunc(t, isHan)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
