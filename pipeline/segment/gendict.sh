#!/bin/sh
# Refreshes dict/ from the gojieba module in the module cache (go generate
# ./pipeline/segment). The dictionaries are committed compressed and
# embedded in every build; idf and stop words are not needed (unpack.go).
set -eu
src=$(go list -m -f '{{.Dir}}' github.com/yanyiwu/gojieba)/deps/cppjieba/dict
mkdir -p dict
gzip -9nc "$src/jieba.dict.utf8" > dict/jieba.dict.utf8.gz
gzip -9nc "$src/hmm_model.utf8" > dict/hmm_model.utf8.gz
cp -f "$src/user.dict.utf8" dict/
chmod 0644 dict/*
