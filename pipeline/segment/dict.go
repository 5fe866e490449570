package segment

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// EnvDictDir names the environment variable that overrides the dictionary
// directory when Options.DictDir is empty.
const EnvDictDir = "BAOGAO_DICT_DIR"

// dictFiles are the files gojieba.NewJieba takes, in its argument order,
// each with a check of its line shape. cppjieba aborts the process on a
// malformed line, so the first lines are checked here.
var dictFiles = []struct {
	name  string
	check func(line string) bool
}{
	{"jieba.dict.utf8", wordFreqLine},
	{"hmm_model.utf8", func(string) bool { return true }},
	{"user.dict.utf8", func(string) bool { return true }},
	{"idf.utf8", wordFloatLine},
	{"stop_words.utf8", func(string) bool { return true }},
}

// ErrDict reports a missing or unusable dictionary.
var ErrDict = errors.New("jieba dictionary")

// DictError names the dictionary file that cannot be used and why.
type DictError struct {
	Path string
	Err  error
}

func (e *DictError) Error() string   { return fmt.Sprintf("jieba dictionary %s: %v", e.Path, e.Err) }
func (e *DictError) Unwrap() []error { return []error{ErrDict, e.Err} }

// wordFreqLine accepts "word freq [tag]".
func wordFreqLine(line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 {
		return false
	}
	_, err := strconv.Atoi(f[1])
	return err == nil
}

// wordFloatLine accepts "word weight".
func wordFloatLine(line string) bool {
	f := strings.Fields(line)
	if len(f) != 2 {
		return false
	}
	_, err := strconv.ParseFloat(f[1], 64)
	return err == nil
}

// dictDir picks the directory to load from: the flag, the environment,
// else the dictionaries embedded in the binary. hash identifies the
// content for the embedded ones, "" otherwise (see hashDicts).
func dictDir(flag string) (dir, source, hash string, err error) {
	if flag != "" {
		return flag, "flag", "", nil
	}
	if env := os.Getenv(EnvDictDir); env != "" {
		return env, EnvDictDir, "", nil
	}
	dir, hash, err = unpackEmbedded()
	return dir, "embedded", hash, err
}

// hashDicts hashes the dictionary files at paths, so a run records what
// it segmented with (about 20 ms for the standard dictionaries).
func hashDicts(paths []string) (string, error) {
	h := sha256.New()
	for _, p := range paths {
		for _, q := range strings.Split(p, "|") {
			f, err := os.Open(q)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s\n", filepath.Base(q))
			_, err = io.Copy(h, f)
			f.Close()
			if err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// checkDicts returns the paths of the dictionary files in dir, after
// checking that each exists, is a regular non-empty file, and starts with
// lines of the expected shape.
func checkDicts(dir string) ([]string, error) {
	paths := make([]string, len(dictFiles))
	for i, f := range dictFiles {
		p := filepath.Join(dir, f.name)
		paths[i] = p
		if err := checkDict(p, f.check); err != nil {
			return nil, &DictError{Path: p, Err: err}
		}
	}
	return paths, nil
}

func checkDict(path string, check func(string) bool) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if st.Size() == 0 && dictRequiresContent(path) {
		return errors.New("empty file")
	}
	sc := bufio.NewScanner(fh)
	for n := 1; n <= 20 && sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !check(line) {
			return fmt.Errorf("line %d: unexpected format %q", n, clip(line, 40))
		}
	}
	return sc.Err()
}

// dictRequiresContent reports whether an empty file is broken: the user
// dictionary and stop words may be empty, the model files may not.
func dictRequiresContent(path string) bool {
	switch filepath.Base(path) {
	case "user.dict.utf8", "stop_words.utf8":
		return false
	}
	return true
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
