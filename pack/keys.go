package pack

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
)

// Key file headers: the first word of a .pub or .key file's key line.
const (
	publicHeader  = "rcpack-ed25519-public-v1"
	privateHeader = "rcpack-ed25519-private-v1"
)

var keyName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// ValidKeyName reports whether name can name a signing key: lower-case
// letters, digits, '.', '_' and '-', 1 to 64 characters.
func ValidKeyName(name string) bool { return keyName.MatchString(name) }

// Key is a trusted public key and the name it signs under.
type Key struct {
	Name   string
	Public ed25519.PublicKey
}

// ID is a short fingerprint of the key, shown next to its name.
func (k Key) ID() string {
	sum := sha256.Sum256(k.Public)
	return hex.EncodeToString(sum[:8])
}

// PrivateKey is a signing key and its name.
type PrivateKey struct {
	Name string
	Seed []byte // ed25519.SeedSize bytes
}

// Public returns the public half of k.
func (k PrivateKey) Public() Key {
	return Key{Name: k.Name, Public: ed25519.NewKeyFromSeed(k.Seed).Public().(ed25519.PublicKey)}
}

// GenerateKey makes a new signing key named name.
func GenerateKey(name string) (PrivateKey, error) {
	if !ValidKeyName(name) {
		return PrivateKey{}, fmt.Errorf("key name %q: use lower-case letters, digits, '.', '_' or '-' (at most 64)", name)
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return PrivateKey{}, fmt.Errorf("generate key: %w", err)
	}
	return PrivateKey{Name: name, Seed: seed}, nil
}

// MarshalPublic writes k as the text of a .pub file.
func MarshalPublic(k Key) []byte {
	return fmt.Appendf(nil, "# Repère Cyber content pack public key %q (id %s)\n%s %s %s\n",
		k.Name, k.ID(), publicHeader, k.Name, base64.StdEncoding.EncodeToString(k.Public))
}

// MarshalPrivate writes k as the text of a .key file.
func MarshalPrivate(k PrivateKey) []byte {
	return fmt.Appendf(nil, "# Repère Cyber content pack PRIVATE key %q: keep it offline, never commit it.\n%s %s %s\n",
		k.Name, privateHeader, k.Name, base64.StdEncoding.EncodeToString(k.Seed))
}

// ParsePublic reads a .pub file.
func ParsePublic(data []byte) (Key, error) {
	name, raw, err := parseKeyLine(data, publicHeader, ed25519.PublicKeySize)
	if err != nil {
		return Key{}, fmt.Errorf("public key: %w", err)
	}
	return Key{Name: name, Public: ed25519.PublicKey(raw)}, nil
}

// ParsePrivate reads a .key file.
func ParsePrivate(data []byte) (PrivateKey, error) {
	name, raw, err := parseKeyLine(data, privateHeader, ed25519.SeedSize)
	if err != nil {
		return PrivateKey{}, fmt.Errorf("private key: %w", err)
	}
	return PrivateKey{Name: name, Seed: raw}, nil
}

// parseKeyLine finds the one "HEADER NAME BASE64" line; '#' lines and
// blank lines are comments.
func parseKeyLine(data []byte, header string, size int) (string, []byte, error) {
	var found []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if found != nil {
			return "", nil, fmt.Errorf("more than one key line")
		}
		found = strings.Fields(line)
	}
	if err := sc.Err(); err != nil {
		return "", nil, err
	}
	if len(found) != 3 || found[0] != header {
		return "", nil, fmt.Errorf("expected one line %q NAME BASE64", header)
	}
	if !ValidKeyName(found[1]) {
		return "", nil, fmt.Errorf("invalid key name %q", found[1])
	}
	raw, err := base64.StdEncoding.DecodeString(found[2])
	if err != nil || len(raw) != size {
		return "", nil, fmt.Errorf("key %q: expected %d bytes of base64", found[1], size)
	}
	return found[1], raw, nil
}
