// Package extract runs the mention extractors (dates, numbers, named
// initiatives, entities) over a repaired view of each document, maps their
// spans back to the document text, and resolves overlaps between kinds.
package extract
