package main

import (
	"cmp"
	"fmt"
	"runtime/debug"
)

// version can be stamped at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the build info: the module version of `go
// install …@v1.2.3`, or "devel" for a build from a checkout.
var version = ""

// buildVersion is what `baogao version` prints and the manifest records.
type buildVersion struct {
	Version  string // "v1.2.3", or "devel"
	Revision string // VCS revision, with "+dirty" when the tree was modified; "" when unknown
	Time     string // VCS commit time, RFC 3339; "" when unknown
}

func (v buildVersion) String() string {
	s := v.Version
	if v.Revision != "" {
		s += " (" + v.Revision
		if v.Time != "" {
			s += ", " + v.Time
		}
		s += ")"
	}
	return s
}

// currentVersion reads the version from the -X stamp and the build info.
func currentVersion() buildVersion {
	v := buildVersion{Version: version}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		v.Version = cmp.Or(v.Version, "devel")
		return v
	}
	if v.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v.Version = info.Main.Version
	}
	v.Version = cmp.Or(v.Version, "devel")
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
			if len(v.Revision) > 12 {
				v.Revision = v.Revision[:12]
			}
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty && v.Revision != "" {
		v.Revision += "+dirty"
	}
	return v
}

func printVersion(w interface{ Write([]byte) (int, error) }) {
	fmt.Fprintln(w, "baogao", currentVersion())
}
