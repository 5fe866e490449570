package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotOutput is wrapped by CheckTarget's error for a directory that
// holds something other than a baogao output: baogao never replaces what
// it did not write.
var ErrNotOutput = errors.New("not a baogao output directory")

// ErrOverlap is wrapped by CheckTarget's error when the output directory
// is an input root, lies inside one or contains one: publishing would
// replace the corpus.
var ErrOverlap = errors.New("output and input overlap")

// CheckTarget reports whether out may receive a run's outputs: a path that
// does not exist, an empty directory, or a directory holding a baogao
// output (its manifest.json names the format, see ReadManifest). It also
// refuses an out equal to, inside or containing any of inputs. Paths are
// compared after resolving symbolic links, so a link does not hide an
// overlap. Nothing is changed on disk.
func CheckTarget(out string, inputs []string) error {
	absOut, err := resolve(out)
	if err != nil {
		return fmt.Errorf("output %s: %w", out, err)
	}
	for _, in := range inputs {
		absIn, err := resolve(in)
		if err != nil {
			return fmt.Errorf("input %s: %w", in, err)
		}
		switch {
		case absOut == absIn:
			return fmt.Errorf("%w: output %s is the input %s; write the outputs to a directory of their own", ErrOverlap, out, in)
		case within(absOut, absIn):
			return fmt.Errorf("%w: output %s is inside the input %s; write the outputs outside the corpus", ErrOverlap, out, in)
		case within(absIn, absOut):
			return fmt.Errorf("%w: output %s contains the input %s; publishing would replace the corpus", ErrOverlap, out, in)
		}
	}
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output %s: %w", out, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%w: output %s is a symbolic link; give the directory it points to", ErrNotOutput, out)
	case !st.IsDir():
		return fmt.Errorf("%w: output %s is a file; give a new or empty directory", ErrNotOutput, out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("output %s: %w", out, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := ReadManifest(out); err == nil {
		return nil
	}
	names := make([]string, 0, 3)
	for _, e := range entries[:min(3, len(entries))] {
		names = append(names, e.Name())
	}
	more := ""
	if len(entries) > 3 {
		more = fmt.Sprintf(" and %d more", len(entries)-3)
	}
	return fmt.Errorf("%w: output %s holds files baogao did not write (%s%s); give a new or empty directory, or one a baogao run wrote",
		ErrNotOutput, out, strings.Join(names, ", "), more)
}

// resolve returns the absolute path of p with symbolic links resolved as
// far as p exists: a path that does not exist yet resolves through its
// nearest existing parent.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// within reports whether path p lies strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Staging is a directory beside the output directory where a run writes
// everything before Publish swaps it in whole. Readers of the output
// directory see the old outputs or the new ones, never half of each, and
// never a moment without either.
type Staging struct {
	Out string // the published output directory
	Dir string // where sinks write; a sibling of Out
}

// stagingInfix names the sibling directories a run writes: out's base name
// + stagingInfix + a random suffix. stagingMarker, a file inside, says the
// directory is ours until the manifest is written.
const (
	stagingInfix  = ".baogao-new-"
	stagingMarker = ".baogao-staging"
	// legacyOld is where earlier versions renamed the old outputs while
	// publishing; Recover puts them back after a crash.
	legacyOld = ".baogao-old"
)

// NewStaging prepares a fresh staging directory for out, which must have
// passed CheckTarget. It first repairs what an interrupted earlier run
// left behind (see Recover).
func NewStaging(out string) (*Staging, error) {
	out = filepath.Clean(out)
	if err := Recover(out); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	dir, err := os.MkdirTemp(parent, filepath.Base(out)+stagingInfix+"*")
	if err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil { // MkdirTemp makes it 0700
		return nil, fmt.Errorf("staging: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, stagingMarker), nil, 0o644); err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	return &Staging{Out: out, Dir: dir}, nil
}

// Publish makes the staging directory the output directory. Every file
// and directory is synced first, so that after a power cut the output
// directory holds the old outputs or the new ones. On Linux the two
// directories are exchanged in one step (renameat2 RENAME_EXCHANGE):
// there is no moment at which Out is missing, and a reader with files of
// the old outputs open (a search server) keeps reading them until it
// reopens. The old outputs are then removed.
func (s *Staging) Publish() error {
	if err := syncTree(s.Dir); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	// Out's manifest marks the directory as ours from here on.
	if err := os.Remove(filepath.Join(s.Dir, stagingMarker)); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := syncDir(s.Dir); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	replaced, err := swap(s.Dir, s.Out)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := syncDir(filepath.Dir(s.Out)); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if replaced {
		// s.Dir now holds the previous outputs (or the empty directory
		// that was there).
		if err := removeOwned(s.Dir); err != nil {
			return fmt.Errorf("publish: remove previous outputs: %w", err)
		}
	}
	return nil
}

// Discard removes the staging directory; the published outputs stay as
// they were. Safe after Publish.
func (s *Staging) Discard() error {
	if _, err := os.Stat(filepath.Join(s.Dir, stagingMarker)); err != nil {
		return nil // published: s.Dir is gone, or holds what Publish removes
	}
	return removeOwned(s.Dir)
}

// Recover repairs what a run killed while writing or publishing leaves
// beside out, touching only directories a run wrote:
//   - staging directories (out.baogao-new-*) that still hold the staging
//     marker or a baogao manifest (a run killed before, or just after,
//     the exchange) are removed: out itself is whole in both cases;
//   - an earlier version's out.baogao-old is put back when out is missing
//     (a crash between its two renames), else removed.
func Recover(out string) error {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("recover: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), base+stagingInfix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if !ours(dir) {
			continue
		}
		if err := removeOwned(dir); err != nil {
			return fmt.Errorf("recover: remove %s: %w", dir, err)
		}
	}
	old := out + legacyOld
	if !ours(old) {
		return nil
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(old, out); err != nil {
			return fmt.Errorf("recover previous outputs: %w", err)
		}
		return nil
	}
	if err := removeOwned(old); err != nil {
		return fmt.Errorf("recover: %w", err)
	}
	return nil
}

// removeOwned removes dir, a directory a run wrote, so that whenever it
// is interrupted what is left is still recognisably ours (see ours): the
// files that mark it, the staging marker and the manifest, go last.
func removeOwned(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == stagingMarker || e.Name() == ManifestFile {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return os.RemoveAll(dir)
}

// ours reports whether dir, named as a run names its staging
// directories, is one a run wrote: it holds the staging marker or a
// baogao manifest, or it is empty (a run killed between making it and
// marking it, or while removing it; removing it loses nothing).
func ours(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, stagingMarker)); err == nil {
		return true
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
		return true
	}
	_, err := ReadManifest(dir)
	return err == nil
}

// syncTree fsyncs every file and directory under dir, deepest first, so
// the directory entries that name them are durable after them.
func syncTree(dir string) error {
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return syncFile(p)
	})
	if err != nil {
		return err
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := syncDir(dirs[i]); err != nil {
			return err
		}
	}
	return nil
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncDir(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	// Some file systems cannot sync a directory; the rename is still
	// atomic there.
	if errors.Is(err, errSyncUnsupported) {
		return nil
	}
	return err
}

// swapRenames is the portable swap: out is renamed aside to
// out.baogao-old, staging into place, and the old outputs to staging's
// path. A crash between the first two renames leaves out missing for a
// moment; Recover puts the old outputs back.
func swapRenames(staging, out string) (replaced bool, err error) {
	old := out + legacyOld
	if err := os.Rename(out, old); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return false, err
		}
		return false, os.Rename(staging, out)
	}
	if err := os.Rename(staging, out); err != nil {
		_ = os.Rename(old, out)
		return false, err
	}
	return true, os.Rename(old, staging)
}
