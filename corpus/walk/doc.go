// Package walk lists the report files under a set of roots, in lexical
// order, descending into directories, symbolic links and .zip archives
// (read in place, never unpacked to disk). What cannot be listed — a
// dangling link, a directory loop, a truncated archive — is reported as a
// File with Err set, so the caller records it and goes on.
package walk
