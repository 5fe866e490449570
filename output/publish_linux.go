//go:build linux

package output

import (
	"errors"

	"golang.org/x/sys/unix"
)

// errSyncUnsupported is what fsync on a directory returns on the file
// systems that cannot do it.
var errSyncUnsupported error = unix.EINVAL

// swap puts the directory staging at out in one step: exchanged with what
// is at out (reported as replaced: staging then holds it), or renamed
// there when out does not exist, never replacing something that appeared
// meanwhile. File systems without renameat2 flags fall back to renames.
func swap(staging, out string) (replaced bool, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOENT): // nothing at out yet
		err = unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, out, unix.RENAME_NOREPLACE)
		if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
			return swapRenames(staging, out)
		}
		return false, err
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS):
		return swapRenames(staging, out)
	}
	return false, err
}
