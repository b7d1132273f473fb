package assets

import (
	"testing"
	"testing/fstest"

	"reperecyber/pack"
)

func TestTrustedKeys(t *testing.T) {
	if _, err := TrustedKeys(); err != nil {
		t.Fatalf("a key in assets/keys is unreadable: %v", err)
	}
	k, err := pack.GenerateKey("cdg")
	if err != nil {
		t.Fatal(err)
	}
	pub := &fstest.MapFile{Data: pack.MarshalPublic(k.Public())}
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    int
		wantErr bool
	}{
		{"only the README", fstest.MapFS{"keys/README.md": {Data: []byte("#")}}, 0, false},
		{"one key", fstest.MapFS{"keys/README.md": {Data: []byte("#")}, "keys/cdg.pub": pub}, 1, false},
		{"a private key is never read", fstest.MapFS{"keys/cdg.key": {Data: pack.MarshalPrivate(k)}}, 0, false},
		{"file name differs from the key name", fstest.MapFS{"keys/other.pub": pub}, 0, true},
		{"not a key", fstest.MapFS{"keys/cdg.pub": {Data: []byte("bonjour")}}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys, err := trustedKeys(tt.files, "keys")
			if (err != nil) != tt.wantErr || len(keys) != tt.want {
				t.Errorf("trustedKeys = %d keys, %v", len(keys), err)
			}
		})
	}
}

func TestUseServesAPack(t *testing.T) {
	embedded := Fingerprint()
	t.Cleanup(func() { Use(nil, nil) })
	Use(fstest.MapFS{"meta.toml": {Data: []byte("[meta]\nversion = \"2027.1.1\"\ndate = \"2027-01-01\"\n")}}, nil)
	b, err := Bundle()
	if err != nil || b.Meta.Version != "2027.1.1" {
		t.Fatalf("Bundle = %+v, %v", b, err)
	}
	if Fingerprint() == embedded {
		t.Error("the fingerprint ignores the pack: the reference would not rebuild")
	}
	if _, err := Atlas(); err != nil {
		t.Errorf("embedded communes not served with a content-only pack: %v", err)
	}
	Use(nil, nil)
	if Fingerprint() != embedded {
		t.Error("Use(nil, nil) does not return to the embedded files")
	}
}
