// Package layout turns the positioned lines of printed pages (a PDF's text
// layer, an OCR engine's output) into the text of each page, the way a
// reader takes it in: without the running headers, footers and page
// numbers that every page repeats, with each paragraph's first line
// indented so that pipeline/normalize.Unwrap can later join the lines a
// paragraph was wrapped into (layout itself joins nothing).
//
// # Decisions
//
// Spacing. Within a line, runs (glyphs of a PDF, words of OCR) are joined
// by their gaps: Chinese has no spaces between words, so a gap next to a
// CJK character is typesetting (the quarter-em LibreOffice and Word put
// between Chinese and Latin text, justification) and gives no space, a gap
// of 1.5 em or more is a column gap (table cells) and gives a tab, as
// DOCX table rows get, and a gap of 0.15 em between two Latin words gives
// a space. Digits set
// as superscripts (a smaller glyph raised above the line: footnote marks,
// exponents) are written as superscript digits, 四级¹ and m², so a mark
// never fuses with the number before it (1200例¹ is not 12001).
//
// Paragraphs. The body's left and right edges are the most common line
// start and end over the pages around. A line that starts 1 to 6 em right
// of the left edge opens a paragraph (the two-character indent of Chinese
// reports) and gets two ideographic spaces, U+3000, in front. A line that
// is centred, or starts further in (a signature, a date line), stands
// alone: a blank line before and after it.
//
// Running headers and footers. Of the two lines nearest the top and the
// two nearest the bottom of a page, one is dropped when a page up to two
// away has a line at the same rank and height that reads the same with
// digits ignored (清河县人民医院 2023 年度工作报告 on every page, "1/3"
// and "2/3"); when it is a page number (- 3 -, 第3页, 第3页 共5页, 3/12,
// Page 3, or a bare number that counts with the pages); or when it lies in
// the outer 0.75 inch of the page in a smaller type than the body (what a
// browser prints above and below a page: date, title, URL). Deciding a
// page needs two pages after it: Pages holds a window of five.
package layout
