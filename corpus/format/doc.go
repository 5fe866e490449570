// Package format turns the decoded text of one report file into document
// records with their metadata: title, document date (and where it came
// from), source, author and URL.
//
// The file name's extension picks the format:
//
//	.txt              plain text, kept as written
//	.md .markdown     Markdown: heading marks, emphasis, links, images and
//	                  inline HTML removed; headings kept as their own paragraph
//	.html .htm        the body text (golang.org/x/net/html), <title> and <meta> dates
//	.jsonl .ndjson    one document per line: {"text": ..., "id", "title", "date", ...}
//	.csv              one document per row; the header names the columns
//
// Any other extension is read as plain text; Supported reports which
// extensions are understood.
//
// # Decisions
//
// Metadata header. Scraped pages often start with label lines such as
// 标题: (title), 发布日期: (publication date), 浏览次数: (view count) and
// 正文内容: (body). These go into Record.Meta under mapped keys ("title",
// "date", "views", "source", "author", "editor"). When the header ends with
// the 正文内容: marker, Record.Text is the body after it, so that analysis
// does not count the view counter as a statistic; without the marker Text
// keeps the header lines.
//
// Split. With Options.Split set (for example "### "), a .md or .txt file
// becomes one record per line starting with that prefix. The text before
// the first such line is the file's front matter (in 《新闻联播》
// transcripts, the broadcast title and headline summary) and is never an
// item. In Markdown a thematic break (---) ends the current item, which
// drops trailers such as a scrape timestamp. An item with no text, or
// whose text is the scraper's placeholder "undefined", is reported as an
// *Error wrapping ErrNoText; its Item number is still used up, so item
// numbers stay stable. A file without any split line is one record with
// Item 0.
//
// Links. Markdown links keep their text; their URLs are dropped, except a
// line that is only a source link ([查看原文](url), "view the original"),
// which is removed from Text and its URL recorded as Meta["url"].
//
// Lines that name the source or author (来源：, 作者：, 编辑：, ●name,
// "… 记者 name 通讯员 name") and URLs stay in Text, so offsets into Text
// still cover them; their values are copied into Meta.
//
// Dates. Record.Date is the first of: an explicit field (header label,
// JSONL/CSV "date", HTML meta) → DateSource "field"; a dateline or source
// line with a full date (原文刊发于2021年6月25日《…》, "…2021年6月25日电")
// → "dateline"; a date in the file name (20230105.md) → "filename"; the
// latest full date in the text → "text". Up to here only full dates (year,
// month and day) count. Last, a text that names no full date but writes
// years ("2021年是建党100周年") gets the year it writes most often, leaving
// out targets such as 到2025年 → DateSource "text-year", Date with Month 0:
// enough to complete the month-day dates of the report. Files of binary
// formats (FileRecord) may give a creation date in their metadata (PDF
// CreationDate, DOCX dcterms:created): it comes after every full date
// the text writes, since it is when the file was made — a scan or a
// re-export is made years after the report — and before the text's year
// only when it falls in that year → "metadata". The clock is never
// consulted.
//
// Errors. A bad record (invalid JSON line, CSV row with the wrong number of
// fields, missing text) is one *Error; the other records still come out.
// A file that yields nothing at all (empty file, HTML without body text,
// CSV without the text column) is a single *Error and no records.
package format
