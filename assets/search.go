package assets

import (
	_ "embed"
	"unsafe"
)

// searchIndexData is the prebuilt search index over the embedded content,
// triage outcomes and communes, written by tools/genindex (`make index`).
// It is embedded as a string so that it sits in the executable's
// read-only data: ReleaseLoaded may hand its pages back to the system,
// which reads them again from the file, unchanged, when a search needs them.
//
//go:embed search.idx
var searchIndexData string

// searchIndex views the index as bytes without copying it. Writing to it
// would fault: the memory is read-only.
var searchIndex = unsafe.Slice(unsafe.StringData(searchIndexData), len(searchIndexData))

// SearchIndex returns the prebuilt search index, for search.Load. It is
// read-only memory: callers must not modify it.
func SearchIndex() []byte { return searchIndex }

// SearchIndexInUse is the prebuilt index when the embedded content is the
// one served, nil when a content pack is: its index must be built from it.
func SearchIndexInUse() []byte {
	if override.content != nil || override.data != nil {
		return nil
	}
	return searchIndex
}
