// Package store owns Repère Cyber's two SQLite databases: the reference
// database, a cache of the bundled content rebuilt whenever that content
// changes, and the user database (favourites, history, local contacts,
// settings), which content rebuilds never touch.
//
// Nothing outside this package sees SQL: queries return the plain types of
// package content and of this package.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations
var migrations embed.FS

// ErrNotFound is returned when an id, code or commune does not exist.
var ErrNotFound = errors.New("not found")

// ErrCorrupt is returned when a database file exists but cannot be read
// as a database: it is left untouched for the person to move aside.
var ErrCorrupt = errors.New("database file is damaged or not a database")

// ErrTooNew is returned when a database was written by a newer version of
// the app: it is left untouched, to be opened by that version.
var ErrTooNew = errors.New("database written by a newer version of the app")

// ErrReadOnly is returned by every write to a user database that cannot be
// written (a write-protected USB key, a read-only folder or file): reading
// works, favourites, history and contacts cannot be saved.
var ErrReadOnly = errors.New("the data folder is read-only")

// Paths locates the two database files.
type Paths struct {
	Reference string
	User      string
}

// DirEnv names the environment variable that puts both databases in one
// folder, for tests, portable use from a USB key, and smoke tests.
const DirEnv = "REPERECYBER_DATA_DIR"

const appDir = "reperecyber"

// DefaultPaths puts the user database in the user's configuration folder
// (it holds their data) and the reference database in the cache folder
// (it can be rebuilt at any time).
func DefaultPaths() (Paths, error) {
	if dir := os.Getenv(DirEnv); dir != "" {
		return PathsIn(dir), nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return Paths{}, fmt.Errorf("find the user configuration folder: %w", err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = cfg // a cache folder is a convenience, not a need
	}
	return Paths{
		Reference: filepath.Join(cache, appDir, "reference.db"),
		User:      filepath.Join(cfg, appDir, "user.db"),
	}, nil
}

// PathsIn puts both databases in dir.
func PathsIn(dir string) Paths {
	return Paths{Reference: filepath.Join(dir, "reference.db"), User: filepath.Join(dir, "user.db")}
}

// open opens (creating if needed) the SQLite file at path with foreign
// keys on and WAL journaling, and applies the migrations of set.
func open(path, set string) (*sql.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create folder for %s: %w", path, err)
	}
	unblockSharedMemory(path)
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_txlock", "immediate")
	if set == "user" {
		// The person's own data: a write the app reports as saved must
		// survive a power cut, not only a crash of the process.
		q.Set("_synchronous", "FULL")
	}
	db, err := sql.Open("sqlite3", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	err = connect(db)
	if err == nil {
		err = migrate(db, set)
	}
	if err != nil {
		db.Close()
		if isNotADatabase(err) {
			return nil, fmt.Errorf("%s: %w", path, ErrCorrupt)
		}
		if isSchemaError(err) {
			return nil, fmt.Errorf("migrate %s: %w: %w", path, errSchema, err)
		}
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	return db, nil
}

// errSchema marks a migration that SQLite refused as such (SQLITE_ERROR:
// an unknown module, a table in the way), not for being busy, read-only
// or out of space: the reference database, a cache, is then rebuilt.
var errSchema = errors.New("schema cannot be migrated")

func isSchemaError(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrError
}

// connect opens the first connection. Switching a new file to WAL is the
// one step SQLite's busy timeout does not cover: when two first starts
// race, one gets « database is locked » at once. It is retried for up to
// the busy timeout; any later connection finds the file in WAL already.
func connect(db *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := db.Ping()
		var se sqlite3.Error
		if !errors.As(err, &se) || se.Code != sqlite3.ErrBusy || time.Now().After(deadline) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// fileURI is the SQLite URI of path. SQLite decodes %HH and stops the
// path at ? and #, so a folder named « Clé #1 » or « 100% » must be
// escaped, or SQLite writes to another, truncated path.
func fileURI(path string) string {
	return "file:" + uriEscaper.Replace(filepath.ToSlash(path))
}

var uriEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

func isNotADatabase(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt)
}

// migrate applies, in order and each in its own transaction, the numbered
// SQL files of migrations/set whose number is above the database's
// user_version, which it then advances. A database written by a newer
// version of the app is refused (ErrTooNew) rather than half understood.
func migrate(db *sql.DB, set string) error {
	files, err := migrationFiles(set)
	if err != nil {
		return err
	}
	if err := checkNotTooNew(db, set); err != nil {
		return err
	}
	version, err := schemaVersion(db)
	if err != nil {
		return err
	}
	for _, f := range files {
		if f.number <= version {
			continue // the common case: nothing to do, and no write lock taken
		}
		if err := applyMigration(db, f); err != nil {
			return fmt.Errorf("migration %s: %w", f.name, err)
		}
	}
	return nil
}

type migration struct {
	number int
	name   string
}

func migrationFiles(set string) ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/"+set+"/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names {
		base := filepath.Base(name)
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration file %s: name must start with a number", name)
		}
		out = append(out, migration{number: n, name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].number < out[j].number })
	return out, nil
}

func applyMigration(db *sql.DB, m migration) error {
	body, err := migrations.ReadFile(m.name)
	if err != nil {
		return err
	}
	// The version is read again inside the (immediate, so write-locked)
	// transaction: two first starts at once would otherwise both apply
	// the same migration, and the second fail on « table already exists ».
	return inTx(context.Background(), db, func(tx *sql.Tx) error {
		var version int
		if err := tx.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
			return err
		}
		if version >= m.number {
			return nil
		}
		if _, err := tx.Exec(string(body)); err != nil {
			return err
		}
		_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, m.number))
		return err
	})
}

// inTx runs fn in a transaction, committing if it returns nil. The
// deferred rollback also ends the transaction when fn panics, so a
// connection is never returned to the pool mid-transaction.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // after Commit, a no-op
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// inTxValue is inTx for a function that returns a value: every exported
// read is one transaction, so that it sees one state of the database.
func inTxValue[T any](ctx context.Context, db *sql.DB, fn func(*sql.Tx) (T, error)) (T, error) {
	var out T
	err := inTx(ctx, db, func(tx *sql.Tx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	return out, err
}

// schemaVersion reads the applied migration number back.
func schemaVersion(db *sql.DB) (int, error) {
	var v int
	err := db.QueryRow(`PRAGMA user_version`).Scan(&v)
	return v, err
}

// checkNotTooNew refuses a database whose schema is newer than the
// migrations of set.
func checkNotTooNew(db *sql.DB, set string) error {
	files, err := migrationFiles(set)
	if err != nil {
		return err
	}
	v, err := schemaVersion(db)
	if err != nil {
		return err
	}
	if latest := files[len(files)-1].number; v > latest {
		return fmt.Errorf("schema version %d, this version knows %d: %w", v, latest, ErrTooNew)
	}
	return nil
}
