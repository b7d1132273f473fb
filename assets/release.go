package assets

import "os"

// ReleaseLoaded gives back to the system the memory pages of the embedded
// search index and communes that loading them read (search.Load keeps
// the index's arrays and strings in place; the atlas, its own copy of the
// communes). They stay part of the executable file: a search that needs
// one again has it read back by the system, from its file cache. Until
// then they are not counted in the application's memory (the index is
// 6.9 MB, and a typed query reads most of it back; the communes are
// 1.6 MB, not read again). It does nothing where the system offers no
// such advice (see release_linux.go).
func ReleaseLoaded() {
	release(searchIndex)
	release(communesBytes)
}

// pageSize is the system's memory page: only whole pages can be released.
var pageSize = os.Getpagesize()
