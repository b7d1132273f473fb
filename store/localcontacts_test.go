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
