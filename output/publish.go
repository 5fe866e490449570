package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Staging is a directory beside the output directory where a run writes
// everything before Publish swaps it in whole. Readers of the output
// directory see the old outputs or the new ones, never half of each.
type Staging struct {
	Out string // the published output directory
	Dir string // where sinks write; a sibling of Out
}

// Suffixes of the sibling directories used while publishing.
const (
	stagingSuffix = ".baogao-new"
	oldSuffix     = ".baogao-old"
)

// NewStaging prepares a fresh staging directory for out. It first repairs
// an interrupted earlier Publish (see Recover).
func NewStaging(out string) (*Staging, error) {
	out = filepath.Clean(out)
	if err := Recover(out); err != nil {
		return nil, err
	}
	dir := out + stagingSuffix
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	return &Staging{Out: out, Dir: dir}, nil
}

// Publish replaces Out with the staging directory: Out is renamed aside,
// the staging directory renamed into place, and the old one removed. A
// crash between the two renames leaves Out missing and both siblings
// present; Recover (called by the next NewStaging) puts the old one back.
func (s *Staging) Publish() error {
	old := s.Out + oldSuffix
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	hadOld := true
	if err := os.Rename(s.Out, old); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("publish: %w", err)
		}
		hadOld = false
	}
	if err := os.Rename(s.Dir, s.Out); err != nil {
		if hadOld {
			_ = os.Rename(old, s.Out)
		}
		return fmt.Errorf("publish: %w", err)
	}
	if hadOld {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("publish: remove previous outputs: %w", err)
		}
	}
	return nil
}

// Discard removes the staging directory; the published outputs stay as
// they were. Safe after Publish.
func (s *Staging) Discard() error { return os.RemoveAll(s.Dir) }

// Recover repairs the state a crash inside Publish can leave: when out is
// missing and its old sibling exists, the old outputs are put back.
func Recover(out string) error {
	old := out + oldSuffix
	if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) {
		if _, err := os.Stat(old); err == nil {
			if err := os.Rename(old, out); err != nil {
				return fmt.Errorf("recover previous outputs: %w", err)
			}
		}
		return nil
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("recover: %w", err)
	}
	return nil
}
