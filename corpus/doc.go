// Package corpus holds the data model every baogao stage shares: a Document
// read from disk, the Tokens and Mentions found in it, and the Problems met
// on the way, with the offsets between them (CharIndex: bytes to code
// points; Sentence: the sentence that holds a mention). It has no
// dependencies beyond the standard library so that every other package can
// import it.
package corpus
