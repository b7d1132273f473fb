package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"reperecyber/content"
	"reperecyber/store"
)

func openUser(t *testing.T) *store.User {
	t.Helper()
	u, err := store.OpenUser(filepath.Join(t.TempDir(), "user.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { u.Close() })
	return u
}

func TestLocalContacts(t *testing.T) {
	ctx := context.Background()
	u := openUser(t)
	it := content.LocalContact{INSEE: "29019", Role: content.RoleIT, Name: "Ker Info", Phone: "02 98 00 00 00"}
	forces := content.LocalContact{INSEE: "29019", Role: content.RoleForces, Name: "Commissariat", Phone: "17"}
	if err := u.ImportLocalContacts(ctx, []content.LocalContact{it, forces}); err != nil {
		t.Fatal(err)
	}
	got, err := u.LocalContacts(ctx, "29019")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != forces || got[1] != it {
		t.Fatalf("got %+v, want forces then IT (the order of content.Roles)", got)
	}
	it.Name = "Ker Info SARL"
	if err := u.SetLocalContact(ctx, it); err != nil {
		t.Fatal(err)
	}
	if got, _ := u.LocalContacts(ctx, "29019"); got[1].Name != "Ker Info SARL" {
		t.Errorf("not replaced: %+v", got)
	}
	if err := u.DeleteLocalContact(ctx, "29019", content.RoleForces); err != nil {
		t.Fatal(err)
	}
	if got, _ := u.LocalContacts(ctx, "29019"); len(got) != 1 {
		t.Errorf("after delete: %+v", got)
	}
	if err := u.DeleteLocalContacts(ctx, "29019"); err != nil {
		t.Fatal(err)
	}
	if got, _ := u.LocalContacts(ctx, "29019"); len(got) != 0 {
		t.Errorf("after delete all: %+v", got)
	}
}

// TestImportIsAllOrNothing: one bad contact and nothing is stored.
func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	u := openUser(t)
	list := []content.LocalContact{
		{INSEE: "29019", Role: content.RoleDPO, Email: "dpo@brest.fr"},
		{INSEE: "29019", Role: "plombier", Name: "X"},
	}
	if err := u.ImportLocalContacts(ctx, list); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("err %v, want ErrInvalid", err)
	}
	if got, _ := u.LocalContacts(ctx, "29019"); len(got) != 0 {
		t.Errorf("stored %+v", got)
	}
}

func TestReplaceLocalContacts(t *testing.T) {
	u, err := store.OpenUser(filepath.Join(t.TempDir(), "user.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	it := content.LocalContact{INSEE: "29019", Role: content.RoleIT, Name: "Infogérance du Ponant", Phone: "02 98 00 00 00"}
	ins := content.LocalContact{INSEE: "29019", Role: content.RoleInsurer, Name: "Assureur"}
	if err := u.ReplaceLocalContacts(ctx, "29019", []content.LocalContact{it, ins}, nil); err != nil {
		t.Fatal(err)
	}
	// The form empties the insurer and mistypes a phone: nothing changes.
	bad := it
	bad.Phone = "02 98"
	if err := u.ReplaceLocalContacts(ctx, "29019", []content.LocalContact{bad}, []content.Role{content.RoleInsurer}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if got, _ := u.LocalContacts(ctx, "29019"); len(got) != 2 {
		t.Fatalf("after a refused save: %v", got)
	}
	if err := u.ReplaceLocalContacts(ctx, "29019", []content.LocalContact{it}, []content.Role{content.RoleInsurer}); err != nil {
		t.Fatal(err)
	}
	if got, _ := u.LocalContacts(ctx, "29019"); len(got) != 1 || got[0].Role != content.RoleIT {
		t.Errorf("after replace: %v", got)
	}
}

// TestSaveLocalEditsKeepsChangesMadeElsewhere: a form loaded, then an
// import from the command line, then the form saved: the imported
// contacts stay, the changed row is reported, the other edits are saved.
func TestSaveLocalEditsKeepsChangesMadeElsewhere(t *testing.T) {
	u := openUser(t)
	it := content.LocalContact{INSEE: "29019", Role: content.RoleIT, Name: "Ker Info", Phone: "02 98 00 00 00"}
	insurer := content.LocalContact{INSEE: "29019", Role: content.RoleInsurer, Name: "Mutuelle", Phone: "02 98 00 00 01"}
	must(t, u.SetLocalContact(ctx, it))
	loaded, err := u.LocalContactsForEdit(ctx, "29019")
	must(t, err)

	// Meanwhile, elsewhere: the IT contact changes, an insurer and a DPO are imported.
	it2 := it
	it2.Name = "Ker Info (nouveau)"
	dpo := content.LocalContact{INSEE: "29019", Role: content.RoleDPO, Email: "dpo@brest.fr"}
	must(t, u.ImportLocalContacts(ctx, []content.LocalContact{it2, insurer, dpo}))

	// The form saves its edits: the IT row it showed, a new forces row.
	forces := content.LocalContact{INSEE: "29019", Role: content.RoleForces, Name: "Commissariat", Phone: "17"}
	itEdit := it
	itEdit.Phone = "02 98 11 11 11"
	conflicts, err := u.SaveLocalEdits(ctx, "29019", []store.LocalEdit{
		{Role: content.RoleIT, Contact: itEdit, Loaded: loaded[content.RoleIT].Version},
		{Role: content.RoleForces, Contact: forces, Loaded: loaded[content.RoleForces].Version},
	})
	must(t, err)
	if len(conflicts) != 1 || conflicts[0] != content.RoleIT {
		t.Errorf("conflicts = %v, want the IT row", conflicts)
	}
	got, err := u.LocalContactsForEdit(ctx, "29019")
	must(t, err)
	for role, want := range map[content.Role]string{content.RoleIT: "Ker Info (nouveau)", content.RoleInsurer: "Mutuelle", content.RoleForces: "Commissariat"} {
		if got[role].Contact.Name != want {
			t.Errorf("%s = %q, want %q", role, got[role].Contact.Name, want)
		}
	}
	if got[content.RoleDPO].Contact.Email != "dpo@brest.fr" {
		t.Error("the imported DPO was lost")
	}
	// A deletion of a row changed elsewhere is refused too.
	conflicts, err = u.SaveLocalEdits(ctx, "29019", []store.LocalEdit{{Role: content.RoleDPO, Delete: true, Loaded: ""}})
	must(t, err)
	if len(conflicts) != 1 {
		t.Errorf("deleted a row the form never saw: %v", conflicts)
	}
}
