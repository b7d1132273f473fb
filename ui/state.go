package ui

import (
	"context"
	"fmt"
	"sort"

	"reperecyber/content"
	"reperecyber/search"
	"reperecyber/store"
	"reperecyber/triage"
)

// Keys of the settings kept in the user database.
const (
	settingCommune  = "commune"
	settingTextSize = "text_size"
	settingTheme    = "theme"
)

// library is everything the screens show, loaded once off the UI
// goroutine; screens only read it.
type library struct {
	ref        *store.Reference
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
}

// loadLibrary opens both databases (building the reference one on first
// start), reads the content and builds the search index.
func loadLibrary(ctx context.Context, env Env) (*library, error) {
	var extra []search.Doc
	if env.Triage != nil {
		extra = triage.SearchDocs(env.Triage)
	}
	// On a first start (or after an update) the reference database is
	// built from the embedded content, which takes about half a second.
	// Search does not need the database: its index is built from the same
	// content at the same time, on the other core.
	var early chan *search.Index
	src := env.Source
	src.Loaded = func(b *content.Bundle, a *content.Atlas) {
		early = make(chan *search.Index, 1)
		go func() { early <- search.Build(inDatabaseOrder(b), a.Places(), b.Search, extra...) }()
	}
	ref, err := store.OpenReference(ctx, env.Paths.Reference, src)
	if err != nil {
		if early != nil {
			<-early
		}
		return nil, err
	}
	lib := &library{ref: ref}
	if early != nil {
		lib.index = <-early
	}
	if err := lib.load(ctx, env, extra); err != nil {
		lib.close()
		return nil, err
	}
	return lib, nil
}

// inDatabaseOrder orders entries as the reference database returns them
// (by category, then as written), so that an index built from the
// embedded content breaks ties exactly as one built from the database.
func inDatabaseOrder(b *content.Bundle) []content.Entry {
	rank := make(map[string]int, len(b.Categories))
	for i, c := range b.Categories {
		rank[c.ID] = i
	}
	out := append([]content.Entry(nil), b.Entries...)
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Category] < rank[out[j].Category] })
	return out
}

func (lib *library) load(ctx context.Context, env Env, extra []search.Doc) error {
	user, err := store.OpenUser(env.Paths.User)
	if err != nil {
		return err
	}
	lib.user = user
	if err := lib.loadEntries(ctx); err != nil {
		return err
	}
	if lib.index == nil {
		if err := lib.loadIndex(ctx, extra); err != nil {
			return err
		}
	} else if lib.regions, err = lib.ref.Regions(ctx); err != nil {
		return err
	}
	return lib.loadUser(ctx)
}

func (lib *library) loadEntries(ctx context.Context) error {
	all, err := lib.ref.Entries(ctx)
	if err != nil {
		return fmt.Errorf("load entries: %w", err)
	}
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
	lib.info, err = lib.ref.Info(ctx)
	return err
}

func (lib *library) loadIndex(ctx context.Context, extra []search.Doc) error {
	ix, err := store.LoadIndex(ctx, lib.ref, extra...)
	if err != nil {
		return err
	}
	lib.index = ix
	lib.regions, err = lib.ref.Regions(ctx)
	return err
}

func (lib *library) loadUser(ctx context.Context) error {
	lib.settings = map[string]string{}
	for _, k := range []string{settingCommune, settingTextSize, settingTheme} {
		v, err := lib.user.Setting(ctx, k, "")
		if err != nil {
			return err
		}
		lib.settings[k] = v
	}
	favs, err := lib.user.Favourites(ctx)
	if err != nil {
		return err
	}
	lib.favourites = map[string]bool{}
	for _, id := range favs {
		lib.favourites[id] = true
	}
	if lib.history, err = lib.user.History(ctx, historyLength); err != nil {
		return err
	}
	if insee := lib.settings[settingCommune]; insee != "" {
		lib.commune, err = lib.competent(ctx, insee)
	}
	return err
}

// historyLength is how many opened cards the history keeps on screen.
const historyLength = 50

func (lib *library) competent(ctx context.Context, insee string) (*store.Competent, error) {
	p, err := lib.ref.Place(ctx, insee)
	if err != nil {
		return nil, err
	}
	c, err := lib.ref.CompetentFor(ctx, p)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

func (lib *library) close() {
	if lib.user != nil {
		lib.user.Close()
	}
	if lib.ref != nil {
		lib.ref.Close()
	}
}

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
