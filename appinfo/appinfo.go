// Package appinfo reads the application's identity (ID, name, version,
// icon path) from FyneApp.toml, the single source that `fyne package` also
// reads, so that the window title, the about box and `reperecyber version`
// always agree with the packaged metadata.
package appinfo

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// Info is the application's identity.
type Info struct {
	ID      string
	Name    string
	Version string
	Build   int
	// Icon is the icon's path in the repository, relative to FyneApp.toml.
	Icon string
	// Comment is the one-line description used in desktop menus.
	Comment string
}

type metadata struct {
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
	LinuxAndBSD struct {
		Comment string
	}
}

// Parse reads FyneApp.toml's content. ID, name and version are required.
func Parse(data []byte) (Info, error) {
	var m metadata
	if _, err := toml.Decode(string(data), &m); err != nil {
		return Info{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := m.Details
	if d.ID == "" || d.Name == "" || d.Version == "" {
		return Info{}, fmt.Errorf("FyneApp.toml: [Details] needs ID, Name and Version")
	}
	return Info{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build, Icon: d.Icon, Comment: m.LinuxAndBSD.Comment}, nil
}
