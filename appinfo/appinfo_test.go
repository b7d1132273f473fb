package appinfo_test

import (
	"bytes"
	"os"
	"testing"

	"reperecyber/appinfo"
	"reperecyber/assets"
)

func TestFyneAppTOML(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	info, err := appinfo.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if info.ID != "fr.reperecyber" || info.Name != "Repère Cyber" {
		t.Errorf("identity = %q %q", info.ID, info.Name)
	}
	// The icon FyneApp.toml names for packaging must be the one embedded.
	icon, err := os.ReadFile("../" + info.Icon)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(icon, assets.Icon) {
		t.Error("FyneApp.toml's icon differs from assets.Icon")
	}
}

func TestParseRejects(t *testing.T) {
	for name, in := range map[string]string{
		"not toml":   "[Details",
		"missing id": "[Details]\nName = \"x\"\nVersion = \"1\"",
	} {
		if _, err := appinfo.Parse([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
