package format

import (
	"testing"

	"github.com/baogao/baogao/corpus"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want string
	}{
		{"a.pdf", "%PDF-1.7\n", PDF},
		{"a.pdf", "\r\n\r\n%PDF-1.4\n", PDF}, // junk before the header: PDF readers accept it
		{"a.pdf", "这不是PDF", PDF},             // damaged: the PDF reader says so
		{"a.docx", "PK\x03\x04rest", DOCX},
		{"a.docx", "not a zip", DOCX},
		{"a.doc", "PK\x03\x04rest", DOCX}, // a .doc saved as OOXML
		{"a.wps", "PK\x03\x04rest", DOCX},
		{"a.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", Doc},
		{"a.wps", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", Doc},
		{"a.doc", `{\rtf1\ansi`, RTF},
		{"a.doc", "<html><body>通知</body></html>", ""}, // a web page under a .doc name
		{"a.doc", "%PDF-1.5", PDF},
		{"a.pdf", "\x89PNG\r\n\x1a\n", Image},
		{"a.png", "\x89PNG\r\n\x1a\n", Image},
		{"a.jpg", "\xff\xd8\xff\xe0", Image},
		{"a.tif", "II*\x00", Image},
		{"a.tiff", "MM\x00*", Image},
		{"a.bmp", "BM\x00\x00", Image},
	}
	for _, tt := range tests {
		if got := Sniff(BinaryKind(tt.name), []byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%s, %q) = %q; want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestBinaryKind(t *testing.T) {
	tests := map[string]string{
		"报告.PDF": PDF, "a/b.docx": DOCX, `c:\x\y.Docm`: DOCX, "t.dotx": DOCX, "w.wps": Doc, "d.doc": Doc,
		"r.rtf": RTF, "s.jpeg": Image, "s.TIF": Image, "a.txt": "", "b.html": "", "c.xlsx": "", "d": "",
	}
	for name, want := range tests {
		if got := BinaryKind(name); got != want {
			t.Errorf("BinaryKind(%q) = %q; want %q", name, got, want)
		}
	}
}

func TestFileRecordTitle(t *testing.T) {
	text := "关于做好2024年防汛工作的通知\n各乡镇：\n现将有关事项通知如下。"
	tests := []struct {
		name   string
		titles []string
		want   string
	}{
		{"metadata title", []string{"县政府关于防汛的通知"}, "县政府关于防汛的通知"},
		{"first candidate wins", []string{"第一标题", "第二标题"}, "第一标题"},
		{"empty heading: next candidate", []string{"", "文档属性里的标题"}, "文档属性里的标题"},
		{"word's placeholder: from the text", []string{"Microsoft Word - 通知.doc"}, "关于做好2024年防汛工作的通知"},
		{"a file name: from the text", []string{"20240301 通知.docx"}, "关于做好2024年防汛工作的通知"},
		{"untitled: from the text", []string{"Untitled"}, "关于做好2024年防汛工作的通知"},
		{"无标题: from the text", []string{"无标题"}, "关于做好2024年防汛工作的通知"},
		{"文档1: from the text", []string{"文档1"}, "关于做好2024年防汛工作的通知"},
		{"the file's own name: from the text", []string{"notice_2024"}, "关于做好2024年防汛工作的通知"},
		{"none: from the text", nil, "关于做好2024年防汛工作的通知"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := FileRecord("files/notice_2024.pdf", text, FileInfo{Titles: tt.titles})
			if rec.Title != tt.want {
				t.Errorf("title %q; want %q", rec.Title, tt.want)
			}
		})
	}
}

func TestFileRecordDate(t *testing.T) {
	created := corpus.Date{Year: 2024, Month: 3, Day: 2}
	tests := []struct {
		name, file, text string
		created          corpus.Date
		want             corpus.Date
		source           string
	}{
		{"the text's own date over metadata (a re-export)", "a.pdf", "会议于2021年2月28日召开。", created, corpus.Date{Year: 2021, Month: 2, Day: 28}, "text"},
		{"a dateline over metadata", "a.pdf", "新华社北京2024年2月27日电 会议召开。", created, corpus.Date{Year: 2024, Month: 2, Day: 27}, "dateline"},
		{"a date field over metadata", "a.pdf", "发布日期：2024-02-26\n正文。", created, corpus.Date{Year: 2024, Month: 2, Day: 26}, "field"},
		{"the file name over metadata", "20240101.pdf", "正文。", created, corpus.Date{Year: 2024, Month: 1, Day: 1}, "filename"},
		{"no full date: metadata", "a.pdf", "3月15日召开会议。", created, created, "metadata"},
		{"metadata in the year the text names", "a.pdf", "2024年是关键之年。3月15日召开会议。", created, created, "metadata"},
		{"another year named: the text's year, not metadata", "a.pdf", "2019年是关键之年。2019年3月召开会议。", created, corpus.Date{Year: 2019}, "text-year"},
		{"no metadata: the text", "a.pdf", "会议于2024年2月28日召开。", corpus.Date{}, corpus.Date{Year: 2024, Month: 2, Day: 28}, "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := FileRecord(tt.file, tt.text, FileInfo{Created: tt.created, Meta: map[string]string{"created": tt.created.String(), "producer": ""}})
			if rec.Date != tt.want || rec.DateSource != tt.source {
				t.Errorf("date %v (%s); want %v (%s)", rec.Date, rec.DateSource, tt.want, tt.source)
			}
			if _, ok := rec.Meta["producer"]; ok {
				t.Errorf("meta %v keeps an empty value", rec.Meta)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	for text, want := range map[string]bool{
		"<!DOCTYPE html><html>": true, "  <HTML>\n<body>": true, "<?xml?>\n<html xmlns=…>": true,
		"关于通知": false, "<p>一段</p>": false,
	} {
		if got := LooksHTML(text); got != want {
			t.Errorf("LooksHTML(%q) = %v; want %v", text, got, want)
		}
	}
}
