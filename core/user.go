package core

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"reperecyber/content"
	"reperecyber/store"
)

// ErrNoUserData is wrapped by every use of the person's data while the
// user database cannot be opened; UserErr gives the cause.
var ErrNoUserData = errors.New("user data unavailable")

// UserErr is why the user database could not be opened, nil when it is
// open. The reference, search and sheets work either way.
func (c *Core) UserErr() error { return c.userErr }

// User returns the user database, or an error wrapping ErrNoUserData
// (and the cause, such as store.ErrCorrupt) when it is unavailable.
func (c *Core) User() (*store.User, error) {
	if c.user == nil {
		return nil, fmt.Errorf("%w: %w", ErrNoUserData, c.userErr)
	}
	return c.user, nil
}

// Setting is a key of the settings both front-ends read and change.
type Setting struct {
	Key  string
	Help string
	// Values are the accepted values, the first being the default; empty
	// for the commune, which is checked by the resolver.
	Values []string
}

// The settings, in the order they are listed.
var (
	SettingCommune  = Setting{Key: "commune", Help: "commune de l'utilisateur (code INSEE, code postal ou nom)"}
	SettingTextSize = Setting{Key: "text_size", Help: "taille du texte", Values: []string{"normal", "small", "large", "xlarge"}}
	SettingTheme    = Setting{Key: "theme", Help: "apparence", Values: []string{"system", "light", "dark"}}
	Settings        = []Setting{SettingCommune, SettingTextSize, SettingTheme}
)

// FindSetting returns the setting with a key.
func FindSetting(key string) (Setting, bool) {
	for _, s := range Settings {
		if s.Key == key {
			return s, true
		}
	}
	return Setting{}, false
}

// Setting reads a setting; an unset or unreadable one gives its default.
func (c *Core) Setting(ctx context.Context, s Setting) string {
	def := ""
	if len(s.Values) > 0 {
		def = s.Values[0]
	}
	u, err := c.User()
	if err != nil {
		return def
	}
	v, err := u.Setting(ctx, s.Key, def)
	if err != nil || len(s.Values) > 0 && !slices.Contains(s.Values, v) {
		return def
	}
	return v
}

// ErrBadValue is returned for a value a setting does not accept.
var ErrBadValue = errors.New("value not accepted")

// SetSetting changes a setting. The commune is set with SetMyCommune.
func (c *Core) SetSetting(ctx context.Context, s Setting, value string) error {
	if s.Key == SettingCommune.Key {
		return fmt.Errorf("%s: use SetMyCommune: %w", s.Key, ErrBadValue)
	}
	if !slices.Contains(s.Values, value) {
		return fmt.Errorf("%s = %q: %w", s.Key, value, ErrBadValue)
	}
	u, err := c.User()
	if err != nil {
		return err
	}
	return u.SetSetting(ctx, s.Key, value)
}

// MyCommune is the commune the person chose, if any.
func (c *Core) MyCommune(ctx context.Context) (content.Place, bool) {
	insee := c.Setting(ctx, SettingCommune)
	if insee == "" {
		return content.Place{}, false
	}
	return c.Commune(insee)
}

// SetMyCommune remembers the person's commune by INSEE code; an empty
// code forgets it.
func (c *Core) SetMyCommune(ctx context.Context, insee string) error {
	if insee != "" {
		if _, ok := c.Commune(insee); !ok {
			return fmt.Errorf("commune %q: %w", insee, store.ErrNotFound)
		}
	}
	u, err := c.User()
	if err != nil {
		return err
	}
	return u.SetSetting(ctx, SettingCommune.Key, insee)
}

// settingWelcomed records that the first start asked for the commune,
// so that skipping the question is not asked again.
const settingWelcomed = "welcomed"

// Welcomed reports whether the first-start question was already asked
// (or a commune chosen). Without user data it says yes: asking at every
// start what cannot be saved would only annoy.
func (c *Core) Welcomed(ctx context.Context) bool {
	u, err := c.User()
	if err != nil {
		return true
	}
	if _, ok := c.MyCommune(ctx); ok {
		return true
	}
	v, err := u.Setting(ctx, settingWelcomed, "")
	return err != nil || v != ""
}

// SetWelcomed remembers that the first-start question was asked.
func (c *Core) SetWelcomed(ctx context.Context) error {
	u, err := c.User()
	if err != nil {
		return err
	}
	return u.SetSetting(ctx, settingWelcomed, "1")
}

// settingWindow remembers the window's size between sessions.
const settingWindow = "window_size"

// WindowSize is the size the window had when last closed, if known and
// sane (at least 640×400 and at most 10000 pixels each way).
func (c *Core) WindowSize(ctx context.Context) (w, h int, ok bool) {
	u, err := c.User()
	if err != nil {
		return 0, 0, false
	}
	v, err := u.Setting(ctx, settingWindow, "")
	if err != nil {
		return 0, 0, false
	}
	if n, _ := fmt.Sscanf(v, "%dx%d", &w, &h); n != 2 || w < 640 || h < 400 || w > 10000 || h > 10000 {
		return 0, 0, false
	}
	return w, h, true
}

// SetWindowSize remembers the window's size.
func (c *Core) SetWindowSize(ctx context.Context, w, h int) error {
	u, err := c.User()
	if err != nil {
		return err
	}
	return u.SetSetting(ctx, settingWindow, fmt.Sprintf("%dx%d", w, h))
}

// LocalContacts returns the mairie's own contacts for a commune.
func (c *Core) LocalContacts(ctx context.Context, insee string) ([]content.LocalContact, error) {
	u, err := c.User()
	if err != nil {
		return nil, err
	}
	return u.LocalContacts(ctx, insee)
}

// LatestBackup is the newest backup of the user database, if any.
func (c *Core) LatestBackup() (store.Backup, bool) {
	list, err := store.ListBackups(c.cfg.Paths.User)
	if err != nil || len(list) == 0 {
		return store.Backup{}, false
	}
	return list[0], true
}

// RestoreBackup puts a backup in place of the user database that could
// not be opened (the damaged file is moved aside, never deleted), then
// opens it. It is for the start, while nothing else uses the person's
// data; keptAs is where the damaged file went.
func (c *Core) RestoreBackup(b store.Backup) (keptAs string, err error) {
	err = c.replaceUser(func() error {
		keptAs, err = store.Restore(c.cfg.Paths.User, b.Path)
		return err
	})
	return keptAs, err
}

// ImportUserData replaces the person's data by a file written by
// ExportData (another computer's); what was there is kept aside.
func (c *Core) ImportUserData(from string) (keptAs []string, err error) {
	err = c.replaceUser(func() error {
		keptAs, err = store.ImportData(c.cfg.Paths.User, from)
		return err
	})
	return keptAs, err
}

// replaceUser closes the user database, lets replace change its files,
// and opens it again, whatever happened. Callers must make sure nothing
// else is using the person's data meanwhile (the window waits for its
// background writes first).
func (c *Core) replaceUser(replace func() error) error {
	if c.user != nil {
		if err := c.user.Close(); err != nil {
			return err
		}
		c.user = nil
	}
	err := replace()
	c.user, c.userErr = store.OpenUser(c.cfg.Paths.User)
	if err != nil {
		return err
	}
	return c.userErr
}
