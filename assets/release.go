package assets

import "os"

// ReleaseLoaded gives back to the system the memory pages of the embedded
// search index that loading it read (search.Load keeps its arrays and
// strings in place). They stay part of the executable file: a search that
// needs one again has it read back by the system, from its file cache.
// Until then they are not counted in the application's memory (the
// index is 6.9 MB; a typed query, with its typo candidates, reads most of
// it back). It does nothing where the system offers no such advice (see
// release_linux.go).
func ReleaseLoaded() {
	release(searchIndex)
}

// pageSize is the system's memory page: only whole pages can be released.
var pageSize = os.Getpagesize()
