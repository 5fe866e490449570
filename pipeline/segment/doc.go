// Package segment puts gojieba (cppjieba through cgo) behind one small type.
// It is the only package that imports gojieba, so the rest of baogao stays
// pure Go and a crash inside the C++ code has one place to look.
//
// gojieba finds its dictionaries through the path of its own source file at
// build time, which does not exist on a machine without that module cache.
// New therefore resolves the dictionary directory itself, in this order:
// Options.DictDir (the -dict-dir flag), the BAOGAO_DICT_DIR environment
// variable, dictionaries embedded in a release build (build tag embeddict,
// see embed.go), and last gojieba's own build-time directory. Every file is
// checked before gojieba sees it, so a missing or broken dictionary is an
// error naming the path instead of a panic or an abort in C++.
package segment

//go:generate sh -c "mkdir -p dict && cp -f $(go list -m -f '{{.Dir}}' github.com/yanyiwu/gojieba)/deps/cppjieba/dict/*.utf8 dict/ && chmod 0644 dict/*.utf8"
