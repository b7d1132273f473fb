package ui

import (
	"context"
	"fmt"
	"sort"

	"reperecyber/content"
	"reperecyber/core"
	"reperecyber/search"
	"reperecyber/store"
)

// library is everything the screens show, loaded once off the UI
// goroutine from the application core; screens only read it.
type library struct {
	core *core.Core
	ref  *store.Reference
	// user is nil when the user database cannot be opened: the reference
	// still works, and nothing the person does is saved (see userNote).
	user       *store.User
	index      *search.Index
	info       store.Info
	entries    map[string]content.Entry
	byKind     map[content.Kind][]content.Entry
	categories map[string]content.Category
	backlinks  map[string][]string
	regions    map[string]string
	settings   map[string]string
	favourites map[string]bool
	history    []string
	// commune is the person's commune, if chosen, with what serves it.
	commune *store.Competent
	// here is where searches are made from: the commune's région and its
	// CSIRT and ANSSI contact first.
	here search.Here
}

// loadLibrary opens the application core (building the reference database
// on a first start, the search index meanwhile on the other core) and
// reads what the screens list.
func loadLibrary(ctx context.Context, env Env) (*library, error) {
	c, err := env.open(ctx)
	if err != nil {
		return nil, err
	}
	lib := &library{core: c, ref: c.Reference(), index: c.Index(), info: c.Info()}
	lib.user, _ = c.User()
	if err := lib.load(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return lib, nil
}

func (lib *library) load(ctx context.Context) error {
	if err := lib.loadEntries(ctx); err != nil {
		return err
	}
	regions := map[string]string{}
	for _, r := range lib.core.Atlas().Regions {
		regions[r.Code] = r.Name
	}
	lib.regions = regions
	return lib.loadUser(ctx)
}

func (lib *library) loadEntries(ctx context.Context) error {
	all := lib.core.Entries()
	lib.entries = make(map[string]content.Entry, len(all))
	lib.byKind = map[content.Kind][]content.Entry{}
	lib.backlinks = map[string][]string{}
	for _, e := range all {
		lib.entries[e.ID] = e
		lib.byKind[e.Kind] = append(lib.byKind[e.Kind], e)
		for _, r := range e.Related {
			lib.backlinks[r] = append(lib.backlinks[r], e.ID)
		}
	}
	lib.categories = map[string]content.Category{}
	for _, k := range content.Kinds {
		cats, err := lib.ref.Categories(ctx, k)
		if err != nil {
			return err
		}
		for _, c := range cats {
			lib.categories[c.ID] = c
		}
	}
	return nil
}

// loadUser reads the person's settings, favourites and history; without
// a user database they stay empty and the defaults apply.
func (lib *library) loadUser(ctx context.Context) error {
	lib.settings = map[string]string{}
	for _, st := range core.Settings {
		lib.settings[st.Key] = lib.core.Setting(ctx, st)
	}
	lib.favourites = map[string]bool{}
	if lib.user == nil {
		return nil
	}
	favs, err := lib.user.Favourites(ctx)
	if err != nil {
		return err
	}
	for _, id := range favs {
		lib.favourites[id] = true
	}
	if lib.history, err = lib.user.History(ctx, historyLength); err != nil {
		return err
	}
	if p, ok := lib.core.MyCommune(ctx); ok {
		lib.commune, err = lib.competent(ctx, p.INSEE)
		lib.here = lib.core.SearchHere(ctx, &p)
	}
	return err
}

// historyLength is how many opened cards the history keeps on screen.
const historyLength = 50

func (lib *library) competent(ctx context.Context, insee string) (*store.Competent, error) {
	p, ok := lib.core.Commune(insee)
	if !ok {
		return nil, fmt.Errorf("commune %q: %w", insee, store.ErrNotFound)
	}
	c, err := lib.core.Services(ctx, p)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

func (lib *library) close() { lib.core.Close() }

// existing keeps the ids that still name an entry: favourites and history
// may point to cards a content update removed.
func (lib *library) existing(ids []string) []string {
	out := ids[:0:0]
	for _, id := range ids {
		if _, ok := lib.entries[id]; ok {
			out = append(out, id)
		}
	}
	return out
}

// favouriteIDs returns the starred entries in title order.
func (lib *library) favouriteIDs() []string {
	var ids []string
	for id := range lib.favourites {
		ids = append(ids, id)
	}
	ids = lib.existing(ids)
	sort.Slice(ids, func(i, j int) bool { return lib.entries[ids[i]].Title < lib.entries[ids[j]].Title })
	return ids
}

// scopeLabel says where an entry applies, in words.
func (lib *library) scopeLabel(e content.Entry) string {
	if e.National() {
		return "National"
	}
	var names []string
	for _, r := range e.Regions {
		if n, ok := lib.regions[r]; ok {
			names = append(names, n)
		} else {
			names = append(names, r)
		}
	}
	for _, d := range e.Departements {
		names = append(names, "département "+d)
	}
	return joinFrench(names)
}

// joinFrench joins « a, b et c ».
func joinFrench(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	out := list[0]
	for _, s := range list[1 : len(list)-1] {
		out += ", " + s
	}
	return out + " et " + list[len(list)-1]
}
