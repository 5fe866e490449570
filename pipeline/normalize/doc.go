// Package normalize builds repaired views of a document's text for the
// extractors, with a map from every view offset back to the original.
//
// Document.Text is never modified: every Mention.Span points into it. Yet the
// extractors match better on a repaired copy: full-width digits folded to
// ASCII (２０２１年 → 2021年), zero-width characters removed, hard line breaks
// from OCR or PDF joined (7月29⏎日 → 7月29日, "29 July" split over two
// lines), traditional characters converted to simplified (醫院 → 医院). A
// View holds such a copy and maps a span of it back to the smallest span of
// the original that covers it, so an extractor matches on View.Text and
// reports View.Orig(start, end).
//
// The transforms are Fold, Unwrap and T2S; Repair chains them the way the
// extract stage wants. Each returns a View whose map stores only the
// breakpoints where the offset delta changes, so a document with a few
// replacements costs a few dozen bytes of map, and an unchanged document none.
//
// Fold is not NFKC: NFKC turns ① into 1 and ㎡ into m2, which changes what a
// number means. Fold only narrows full-width ASCII digits, letters and a few
// symbols that appear inside numbers and dates; Chinese punctuation (，。：“”（）)
// is kept, since the extractors match on it.
package normalize
