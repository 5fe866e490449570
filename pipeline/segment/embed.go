//go:build embeddict

package segment

import "embed"

// Release builds embed the dictionaries (`go generate ./pipeline/segment`
// copies them from the gojieba module into dict/ first), so the binary runs
// on machines without the module cache.
//
//go:embed dict/*.utf8
var embeddedFS embed.FS

func init() { embedded = &embeddedFS }
