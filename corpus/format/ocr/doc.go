// Package ocr reads the text of scanned pages with the tesseract command
// (Simplified Chinese by default), one process per page, and hands back
// its lines with their positions for package layout, as a PDF's text
// layer would be.
//
// tesseract is an external program, not part of the baogao binary: Check
// says what to install when it or its language data are missing, so that
// a run records that as the scanned document's problem and goes on.
package ocr
