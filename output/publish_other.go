//go:build !linux

package output

import "errors"

// errSyncUnsupported: other systems report directory sync failures as
// they come; none is ignored.
var errSyncUnsupported = errors.New("directory sync unsupported")

// swap renames (see swapRenames): these systems have no atomic exchange.
func swap(staging, out string) (replaced bool, err error) { return swapRenames(staging, out) }
