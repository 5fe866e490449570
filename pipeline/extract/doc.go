// Package extract is the vocabulary of mention extraction: the Input an
// extractor sees of a document (its repaired view, reference date and
// jieba tags), the Extractor interface, and the Set of registered
// extractors, which runs them, maps their spans back to the document text
// and resolves overlaps between kinds by precedence. The extractors
// themselves live in the packages below (date, number, initiative,
// entity); the scoring of extractors against gold annotations is Score.
package extract
