// Package docx reads the text and properties of Office Open XML word
// processing documents (.docx, .docm, .dotx, and the OOXML .wps that WPS
// Office writes) with archive/zip and encoding/xml.
//
// What the page shows is what counts: paragraphs, headings, tables (one
// line per row, cells separated by tabs), text boxes, footnotes and
// endnotes (after the paragraph citing them); not deleted revisions,
// field instructions or the running headers and footers, which repeat on
// every page and are not the report's content. The first heading (the
// Title style, a Heading style, or a paragraph with an outline level) is
// the document's title; docProps/core.xml gives its title, author and
// creation date.
package docx
