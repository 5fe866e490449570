package walk

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// ZipSep separates an archive's path from the path of a member inside it:
// "reports.zip!/2021/a.txt".
const ZipSep = "!/"

// ErrLoop reports a directory reached again through a symbolic link.
var ErrLoop = errors.New("directory loop")

// ErrTooLarge reports a file over Options.MaxSize.
var ErrTooLarge = errors.New("file too large")

// ErrDangling is wrapped by the error of a symbolic link whose target is
// missing.
var ErrDangling = errors.New("dangling symbolic link")

// ErrArchive is wrapped by the error of an archive that cannot be opened.
var ErrArchive = errors.New("bad archive")

// ErrUnsupported is wrapped by the error of a file that Options.Accept
// refuses: a format baogao cannot read. Such files are reported, never
// dropped silently, so a folder of PDFs does not look like an empty one.
var ErrUnsupported = errors.New("unsupported format")

// UnsupportedError is the error of a refused file; Ext is its lower-case
// extension with the dot (".xml"), or "" when it has none.
type UnsupportedError struct{ Ext string }

func (e *UnsupportedError) Error() string {
	if e.Ext == "" {
		return "unsupported format (no file extension)"
	}
	return "unsupported format " + e.Ext
}

// Unwrap returns ErrUnsupported.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

func unsupported(name string) error {
	return &UnsupportedError{Ext: strings.ToLower(path.Ext(name))}
}

// File is one file found by Walk.
type File struct {
	// Path is slash-separated: the root's own name (the last element of
	// its absolute path, with "~2", "~3" ... added when several roots of
	// one walk share it), then the path below it; members of archives as
	// archive + ZipSep + member. It does not depend on how the root was
	// typed (relative, absolute, trailing slash) nor on where the corpus
	// lies, so ids derived from it hold across runs and machines.
	Path string
	Size int64 // bytes, uncompressed
	// Err is set when the file or directory could not be listed or is
	// refused (ErrLoop, ErrTooLarge, a stat error, a bad archive). Open
	// is nil then.
	Err error
	// Open opens the file for reading. It is valid only until the fn
	// that received the File returns (archives are closed after their
	// last member).
	Open func() (io.ReadCloser, error)
}

// Options configures Walk. The zero value takes every file with a
// supported extension, of any size.
type Options struct {
	// Accept reports whether a file name (base name) is a report to read.
	// Nil accepts every file. A refused file is still reported, as a File
	// whose Err wraps ErrUnsupported. Archives (.zip) are opened whatever
	// Accept says about them; Accept is asked about their members.
	Accept func(name string) bool
	// MaxSize refuses larger files with ErrTooLarge (the refusal is a
	// File with Err, so it is recorded). Zero: no limit.
	MaxSize int64
	// Exclude lists glob patterns (path.Match on the base name) of files
	// and directories to leave out silently, such as ".*" for hidden ones:
	// what the user asked to leave out is not reported.
	Exclude []string
}

// Walk calls fn for every file under roots, in order: roots as given, and
// below each root in lexical order of path. A root may be a file. fn's
// error stops the walk and is returned; so does ctx's.
func Walk(ctx context.Context, roots []string, opts Options, fn func(File) error) error {
	w := &walker{ctx: ctx, opts: opts, fn: fn}
	names := RootNames(roots)
	for i, root := range roots {
		if err := w.walk(filepath.Clean(root), names[i], nil); err != nil {
			return err
		}
	}
	return nil
}

// RootNames returns the name each root has in File.Path: the last element
// of its absolute path, made unique in order ("reports", "reports~2").
func RootNames(roots []string) []string {
	names := make([]string, len(roots))
	seen := map[string]int{}
	for i, root := range roots {
		name := filepath.Base(filepath.Clean(root))
		if abs, err := filepath.Abs(root); err == nil {
			name = filepath.Base(abs)
		}
		if name == string(filepath.Separator) || name == "." || name == "" {
			name = "root"
		}
		name = filepath.ToSlash(name)
		seen[name]++
		if n := seen[name]; n > 1 {
			name = fmt.Sprintf("%s~%d", name, n)
		}
		names[i] = name
	}
	return names
}

type walker struct {
	ctx  context.Context
	opts Options
	fn   func(File) error
}

// walk visits p (display path disp); seen holds the directories on the
// current path from the root, to detect loops through links.
func (w *walker) walk(p, disp string, seen []os.FileInfo) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	st, err := os.Stat(p) // follows links
	if err != nil {
		return w.fn(File{Path: disp, Err: statError(err)})
	}
	if st.IsDir() {
		for _, s := range seen {
			if os.SameFile(s, st) {
				return w.fn(File{Path: disp, Err: fmt.Errorf("%w: %s leads back to a directory above it", ErrLoop, disp)})
			}
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return w.fn(File{Path: disp, Err: err})
		}
		// os.ReadDir sorts by file name.
		for _, e := range entries {
			if w.excluded(e.Name()) {
				continue
			}
			if err := w.walk(filepath.Join(p, e.Name()), disp+"/"+e.Name(), append(seen, st)); err != nil {
				return err
			}
		}
		return nil
	}
	if !st.Mode().IsRegular() {
		if w.accept(st.Name()) {
			return w.fn(File{Path: disp, Err: fmt.Errorf("not a regular file (%s)", st.Mode().Type())})
		}
		return nil
	}
	if isZip(p) {
		return w.zip(p, disp, st.Size())
	}
	if !w.accept(filepath.Base(p)) {
		return w.fn(File{Path: disp, Size: st.Size(), Err: unsupported(p)})
	}
	if w.opts.MaxSize > 0 && st.Size() > w.opts.MaxSize {
		return w.fn(File{Path: disp, Size: st.Size(), Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, st.Size(), w.opts.MaxSize)})
	}
	return w.fn(File{Path: disp, Size: st.Size(), Open: func() (io.ReadCloser, error) { return os.Open(p) }})
}

// zip visits the members of an archive in lexical order. Nested archives
// are not opened: they are rare in report collections and would need the
// whole inner archive in memory.
func (w *walker) zip(p, disp string, size int64) error {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return w.fn(File{Path: disp, Size: size, Err: fmt.Errorf("%w: open: %w", ErrArchive, err)})
	}
	defer zr.Close()
	members := make([]*zip.File, 0, len(zr.File))
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || w.excludedPath(f.Name) {
			continue
		}
		members = append(members, f)
	}
	sort.Slice(members, func(i, k int) bool { return members[i].Name < members[k].Name })
	for _, f := range members {
		mdisp := disp + ZipSep + f.Name
		fsize := int64(f.UncompressedSize64)
		if !w.accept(path.Base(f.Name)) {
			if err := w.fn(File{Path: mdisp, Size: fsize, Err: unsupported(f.Name)}); err != nil {
				return err
			}
			continue
		}
		if w.opts.MaxSize > 0 && fsize > w.opts.MaxSize {
			if err := w.fn(File{Path: mdisp, Size: fsize, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, fsize, w.opts.MaxSize)}); err != nil {
				return err
			}
			continue
		}
		f := f
		if err := w.fn(File{Path: mdisp, Size: fsize, Open: func() (io.ReadCloser, error) { return f.Open() }}); err != nil {
			return err
		}
	}
	return nil
}

// accept reports whether a file not excluded is a readable format.
func (w *walker) accept(name string) bool {
	return w.opts.Accept == nil || w.opts.Accept(name)
}

func (w *walker) excluded(name string) bool {
	for _, pat := range w.opts.Exclude {
		if ok, _ := path.Match(pat, name); ok {
			return true
		}
	}
	return false
}

// excludedPath applies Exclude to every element of an archive member path.
func (w *walker) excludedPath(name string) bool {
	for _, el := range strings.Split(name, "/") {
		if el != "" && w.excluded(el) {
			return true
		}
	}
	return false
}

func isZip(p string) bool { return strings.EqualFold(filepath.Ext(p), ".zip") }

// statError explains the common stat failures in a user's words.
func statError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(pe.Path); lerr == nil {
			return fmt.Errorf("%w: %w", ErrDangling, err)
		}
	}
	return err
}
