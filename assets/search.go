package assets

import (
	_ "embed"
)

// searchIndex is the prebuilt search index over the embedded content,
// triage outcomes and communes, written by tools/genindex (`make index`).
//
//go:embed search.idx
var searchIndex []byte

// SearchIndex returns the prebuilt search index, for search.Load. It is
// shared: callers must not modify it.
func SearchIndex() []byte { return searchIndex }

// SearchIndexInUse is the prebuilt index when the embedded content is the
// one served, nil when a content pack is: its index must be built from it.
func SearchIndexInUse() []byte {
	if override.content != nil || override.data != nil {
		return nil
	}
	return searchIndex
}
