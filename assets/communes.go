package assets

import (
	_ "embed"
	"io/fs"
	"unsafe"
)

// communesData is data/communes.tsv as a string, whose address
// ReleaseLoaded needs to hand its pages back to the system once parsed
// (the linker keeps one copy of the bytes for it and dataFS). The atlas
// keeps its own copy of the text: before, the file's 1.6 MB stayed in
// memory twice, the parsed copy and the embedded pages reading it had
// brought in (2.6 MB of resident memory, scripts/ratios.sh). Reading
// communes.tsv through EmbeddedDataFS gives these bytes.
//
//go:embed data/communes.tsv
var communesData string

var communesBytes = unsafe.Slice(unsafe.StringData(communesData), len(communesData))

// dataFiles is the embedded data folder, communes.tsv read from
// communesData.
type dataFiles struct{ fs.FS }

// ReadFile returns a copy of the file, as fs.ReadFile does.
func (d dataFiles) ReadFile(name string) ([]byte, error) {
	if name == "communes.tsv" {
		return []byte(communesData), nil
	}
	return fs.ReadFile(d.FS, name)
}
