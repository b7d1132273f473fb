// Package core is Repère Cyber's application core: every use case the
// window and the command line offer, behind one value that opens the
// content, the search index, the triage tree and both databases once.
//
// Data flows one way. The content bundle and the communes atlas (embedded,
// or given by Config.Load) are parsed once; the search index, the commune
// resolver and the triage tree are built from them in memory. SQLite holds
// the directory (the reference database, a cache rebuilt from the same
// bundle) and the person's own data (the user database). The front-ends,
// ui and cli, only parse what people type and render what the core
// returns; export receives plain data from it.
//
// The package knows nothing of Fyne or of terminals.
package core

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync"
	"time"

	"reperecyber/appinfo"
	"reperecyber/assets"
	"reperecyber/content"
	"reperecyber/search"
	"reperecyber/store"
	"reperecyber/triage"
)

// Content is what the app serves: the reference bundle, the communes, the
// triage tree, and a fingerprint of their exact bytes.
type Content struct {
	Bundle      *content.Bundle
	Atlas       *content.Atlas
	Tree        *triage.Tree
	Fingerprint string
	// Index is the search index prebuilt from exactly this content
	// (search.Load); nil means it is built at first use.
	Index []byte
}

// Embedded parses the content shipped inside the binary.
func Embedded() (Content, error) {
	b, a, err := assets.Load()
	if err != nil {
		return Content{}, err
	}
	t, err := triage.Load(assets.ContentFS())
	if err != nil {
		return Content{}, err
	}
	return Content{Bundle: b, Atlas: a, Tree: t, Fingerprint: assets.Fingerprint(), Index: assets.SearchIndexInUse()}, nil
}

// Config says where the databases are and what content to serve.
type Config struct {
	Paths store.Paths
	App   appinfo.Info
	// Load returns the content to serve; nil means Embedded.
	Load func() (Content, error)
	// IndexEarly builds the search index while the databases open, for
	// the window, which searches at the first keystroke. The command line
	// leaves it false: most commands never search.
	IndexEarly bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// ErrTree is wrapped by Open when the triage tree does not validate: the
// rest of the app works, the wizard does not.
var ErrTree = errors.New("triage tree is invalid")

// Core is the opened application. Its methods are safe for concurrent use
// once Open has returned.
type Core struct {
	cfg     Config
	content Content
	tree    *triage.Tree // nil when the tree is invalid
	treeErr error

	// placed is closed once communes and lookups are set, for an
	// index built while Open goes on.
	placed   chan struct{}
	communes content.Communes
	lookups  *placeLookups

	indexOnce sync.Once
	index     *search.Index

	ref     *store.Reference
	entries map[string]content.Entry
	all     []content.Entry // the same, in the directory's order
	info    store.Info

	user    *store.User // nil when userErr is set
	userErr error
	// shared is true for a core made by WithUser: its reference database
	// belongs to the core it was made from.
	shared bool
}

// Open parses the content, opens the reference database (building it on
// a first start or after an update) and the user database. A damaged or
// unreadable user database does not stop the app: the reference, search
// and sheets keep working, and UserErr says what happened.
func Open(ctx context.Context, cfg Config) (*Core, error) {
	if cfg.Load == nil {
		cfg.Load = Embedded
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	ct, err := cfg.Load()
	if err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}
	c := &Core{cfg: cfg, content: ct, placed: make(chan struct{})}
	var indexed chan struct{}
	indexEarly := func() {
		indexed = make(chan struct{})
		go func() {
			c.Index()
			assets.ReleaseLoaded()
			close(indexed)
		}()
	}
	// A prebuilt index needs nothing else: it loads beside the communes.
	// One built from the content needs them (indexPlaces) first.
	if cfg.IndexEarly && len(ct.Index) > 0 {
		indexEarly()
	}
	c.indexPlaces()
	close(c.placed)
	c.checkTree()
	if cfg.IndexEarly && indexed == nil {
		indexEarly()
	}
	err = c.openReference(ctx)
	if indexed != nil {
		<-indexed
	}
	if err != nil {
		return nil, err
	}
	c.user, c.userErr = store.OpenUser(cfg.Paths.User)
	return c, nil
}

func (c *Core) checkTree() {
	t := c.content.Tree
	if t == nil {
		c.treeErr = fmt.Errorf("%w: missing", ErrTree)
		return
	}
	if problems := triage.Validate(t, triage.Known(c.content.Bundle)); len(problems) > 0 {
		c.treeErr = fmt.Errorf("%w: %d problem(s), first: %s", ErrTree, len(problems), problems[0])
		return
	}
	c.tree = t
}

func (c *Core) openReference(ctx context.Context) error {
	ct := c.content
	src := store.Source{Fingerprint: ct.Fingerprint, Load: func() (*content.Bundle, *content.Atlas, error) { return ct.Bundle, ct.Atlas, nil }}
	ref, err := store.OpenReference(ctx, c.cfg.Paths.Reference, src)
	if err != nil {
		return fmt.Errorf("open reference database: %w", err)
	}
	all, err := ref.Entries(ctx)
	if err == nil {
		c.info, err = ref.Info(ctx)
		c.info.Communes = c.communes.Len()
	}
	if err != nil {
		ref.Close()
		return fmt.Errorf("read reference database: %w", err)
	}
	c.ref = ref
	c.all = all
	c.entries = make(map[string]content.Entry, len(all))
	for _, e := range all {
		c.entries[e.ID] = e
	}
	return nil
}

// WithUser returns a core that shares this one's content, index and
// reference database but keeps the person's data in another user
// database: tests use it to start each case with fresh data without
// rebuilding everything. Closing it closes only that user database.
func (c *Core) WithUser(path string) *Core {
	c.Index()
	out := &Core{cfg: c.cfg, content: c.content, tree: c.tree, treeErr: c.treeErr,
		communes: c.communes, lookups: c.lookups,
		index: c.index, ref: c.ref, entries: c.entries, all: c.all, info: c.info, shared: true}
	out.indexOnce.Do(func() {})
	out.cfg.Paths.User = path
	out.user, out.userErr = store.OpenUser(path)
	return out
}

// Close closes both databases.
func (c *Core) Close() error {
	var errs []error
	if c.user != nil {
		errs = append(errs, c.user.Close())
	}
	if c.ref != nil && !c.shared {
		errs = append(errs, c.ref.Close())
	}
	return errors.Join(errs...)
}

// Index returns the search index: the prebuilt one shipped with the
// embedded content (read in about 15 ms), or one built from the content
// served on first use (about 0.2 s for 35,000 communes and the cards).
func (c *Core) Index() *search.Index {
	c.indexOnce.Do(func() {
		if len(c.content.Index) > 0 {
			ix, err := search.Load(c.content.Index)
			if err == nil {
				c.index = ix
				return
			}
			log.Printf("prebuilt search index: %v; building one", err)
		}
		if c.placed != nil {
			<-c.placed // Open may have started loading before the communes were listed
		}
		b := c.content.Bundle
		var extra []search.Doc
		if c.tree != nil {
			extra = triage.SearchDocs(c.tree)
		}
		c.index = search.Build(b.Entries, c.content.Atlas.Places(), b.Search, extra...)
	})
	return c.index
}

// Search runs a query over cards, outcomes and communes.
func (c *Core) Search(query string, opt search.Options) []search.Result {
	return c.Index().Search(query, opt)
}

// Tree returns the triage tree, or why the wizard is unavailable.
func (c *Core) Tree() (*triage.Tree, error) { return c.tree, c.treeErr }

// Outcome returns a triage outcome by id.
func (c *Core) Outcome(id string) (*triage.Outcome, bool) {
	if c.tree == nil {
		return nil, false
	}
	return c.tree.Outcome(id)
}

// Bundle is the content served, as parsed.
func (c *Core) Bundle() *content.Bundle { return c.content.Bundle }

// Atlas is the communes data served.
func (c *Core) Atlas() *content.Atlas { return c.content.Atlas }

// Info describes the content and communes served.
func (c *Core) Info() store.Info { return c.info }

// App is the application's identity.
func (c *Core) App() appinfo.Info { return c.cfg.App }

// Paths are the database files' locations.
func (c *Core) Paths() store.Paths { return c.cfg.Paths }

// Now is the core's clock.
func (c *Core) Now() time.Time { return c.cfg.Now() }

// Entries returns every card of the reference database, in its order:
// read once when the core opens, shared by every screen (callers must
// not change them).
func (c *Core) Entries() []content.Entry { return c.all }

// Entry returns a card by id.
func (c *Core) Entry(id string) (content.Entry, bool) {
	e, ok := c.entries[id]
	return e, ok
}

// Reference is the directory database, for its queries (entries by kind,
// categories, backlinks).
func (c *Core) Reference() *store.Reference { return c.ref }
