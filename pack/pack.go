// Package pack reads, writes and installs content packs (.rcpack): one
// signed file that brings newer reference content, and optionally newer
// communes data, to a computer with no internet, from a USB key.
//
// A pack is trusted only when its manifest is signed (ed25519) by one of
// the public keys embedded in the build (assets/keys/*.pub) and every file
// matches the hash the manifest gives. It is installed only when its
// content is newer than the content in use and than any pack installed
// before, and only when this app is recent enough to read it. The format
// is described in docs/rcpack.md. The package never imports Fyne.
package pack

import (
	"fmt"
	"strconv"
	"strings"
)

// Refusal is why a pack is not accepted: Reason is a French sentence for
// the person (what happened and what to do); Err, if set, is the detail
// for the log.
type Refusal struct {
	Reason string
	Err    error
}

func (r *Refusal) Error() string {
	if r.Err == nil {
		return r.Reason
	}
	return r.Reason + " (" + r.Err.Error() + ")"
}

func (r *Refusal) Unwrap() error { return r.Err }

func refuse(err error, format string, args ...any) *Refusal {
	return &Refusal{Reason: fmt.Sprintf(format, args...), Err: err}
}

// CompareVersions compares two dotted versions made of non-negative
// integers ("2026.11.1", "0.1.0"): -1 if a < b, 0 if equal, +1 if a > b.
// Missing trailing parts count as zero, so "1.2" equals "1.2.0".
func CompareVersions(a, b string) (int, error) {
	pa, err := versionParts(a)
	if err != nil {
		return 0, err
	}
	pb, err := versionParts(b)
	if err != nil {
		return 0, err
	}
	for i := 0; i < len(pa) || i < len(pb); i++ {
		x, y := part(pa, i), part(pb, i)
		switch {
		case x < y:
			return -1, nil
		case x > y:
			return 1, nil
		}
	}
	return 0, nil
}

func versionParts(v string) ([]uint64, error) {
	if v == "" {
		return nil, fmt.Errorf("empty version")
	}
	fields := strings.Split(v, ".")
	if len(fields) > 8 {
		return nil, fmt.Errorf("version %q: too many parts", v)
	}
	parts := make([]uint64, len(fields))
	for i, f := range fields {
		n, err := strconv.ParseUint(f, 10, 32)
		if err != nil || f == "" || (len(f) > 1 && f[0] == '0') {
			return nil, fmt.Errorf("version %q: part %q is not a number", v, f)
		}
		parts[i] = n
	}
	return parts, nil
}

func part(p []uint64, i int) uint64 {
	if i < len(p) {
		return p[i]
	}
	return 0
}
