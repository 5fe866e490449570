// Package pdf reads the text layer, metadata and page images of PDF files
// with PDFium, Chrome's PDF library, compiled to WebAssembly and run by
// wazero (github.com/klippa-app/go-pdfium): pure Go, no cgo and no system
// library, so the single baogao binary reads PDFs.
//
// PDFium was chosen by measurement over pure Go readers and poppler's
// pdftotext (corpus/testdata/published-src/README.md has the table and the
// command): the pure Go readers lose the text of PDFs that
// Chromium prints (Type 3 fonts whose glyph names are not Unicode; only
// ToUnicode maps them) and cannot open AES-256 encrypted files; PDFium
// reads all of them as pdftotext does, at 2–5 ms a page.
//
// Compiling PDFium takes a few seconds; New does not, the first Open does,
// and the machine code is cached (Options.CacheDir) for the next run.
package pdf
