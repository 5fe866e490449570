// Package segment puts gojieba (cppjieba through cgo) behind one small type.
// It is the only package that imports gojieba, so the rest of baogao stays
// pure Go and a crash inside the C++ code has one place to look.
//
// gojieba finds its dictionaries through the path of its own source file at
// build time, which does not exist on a machine without that module cache.
// New therefore resolves the dictionary directory itself, in this order:
// Options.DictDir (the -dict-dir flag), the BAOGAO_DICT_DIR environment
// variable, and the dictionaries embedded in every build (unpack.go),
// unpacked once into the user cache directory. Every file is checked
// before gojieba sees it, so a missing or broken dictionary is an error
// naming the path instead of a panic or an abort in C++.
//
// Tag cuts with cppjieba's Cut (through gojieba's Tokenize, which returns
// the words' offsets in one buffer instead of a string per word) and looks
// each word's part-of-speech tag up in Go (dictionary.go), the way
// cppjieba's own Tag does after the same cut: its tags are cppjieba's, word
// for word, at less than its cost.
//
// A Jieba never changes after New: words that must stay whole (the
// initiative names of a run) are a Words value passed to each cut, so one
// Jieba serves any number of runs and indexes with different words, from
// any number of goroutines.
package segment
