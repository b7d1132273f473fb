package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"reperecyber/content"
)

// TestLocalContactsFormKeepsChangesMadeElsewhere: the form is open, then
// contacts are imported from the command line; saving the form writes
// only the rows typed in, and reports the row changed in both places.
func TestLocalContactsFormKeepsChangesMadeElsewhere(t *testing.T) {
	s := newTestShell(t, t.TempDir())
	ctx := context.Background()
	user := s.lib.user
	it := content.LocalContact{INSEE: "29019", Role: content.RoleIT, Name: "Ker Info", Phone: "02 98 00 00 00"}
	if err := user.SetLocalContact(ctx, it); err != nil {
		t.Fatal(err)
	}
	f := s.commune.local
	f.load("29019")
	settle(s)

	it.Name = "Ker Info (changé ailleurs)"
	imported := []content.LocalContact{it,
		{INSEE: "29019", Role: content.RoleInsurer, Name: "Mutuelle importée", Phone: "02 98 00 00 01"}}
	if err := user.ImportLocalContacts(ctx, imported); err != nil {
		t.Fatal(err)
	}
	test.Type(f.rows[content.RoleForces].name, "Commissariat de Brest")
	f.rows[content.RoleIT].phone.SetText("02 98 11 11 11")
	f.onSave()
	settle(s)

	got, err := user.LocalContacts(ctx, "29019")
	if err != nil {
		t.Fatal(err)
	}
	names := map[content.Role]string{}
	for _, c := range got {
		names[c.Role] = c.Name
	}
	if names[content.RoleInsurer] != "Mutuelle importée" {
		t.Errorf("the imported insurer was deleted: %v", names)
	}
	if names[content.RoleForces] != "Commissariat de Brest" {
		t.Errorf("the typed row was not saved: %v", names)
	}
	if names[content.RoleIT] != "Ker Info (changé ailleurs)" {
		t.Errorf("the row changed elsewhere was overwritten: %v", names)
	}
	if !strings.Contains(f.errors.Text, "Modifié ailleurs") || !strings.Contains(f.errors.Text, content.RoleIT.Label()) {
		t.Errorf("conflict not reported: %q", f.errors.Text)
	}
	if f.rows[content.RoleInsurer].name.Text != "Mutuelle importée" {
		t.Errorf("form not refreshed: insurer row %q", f.rows[content.RoleInsurer].name.Text)
	}
}
