package normalize

// Repair applies the chain the extractors match on: Unwrap, then Fold, then
// T2S when the text IsTraditional. Unwrap comes first because its sentence
// ends (：) are Chinese punctuation that Fold may change; T2S last because
// its dictionaries see the folded text, which has no full-width ASCII.
func Repair(text string) *View {
	v := Unwrap(text).Then(Fold)
	if IsTraditional(v.Text) {
		v = v.Then(T2S)
	}
	return v
}
