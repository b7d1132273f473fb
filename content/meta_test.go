package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMeta(t *testing.T) {
	meta := &fstest.MapFile{Data: []byte("[meta]\nversion = \"2026.11.1\"\ndate = \"2026-11-22\"\n")}
	entries := &fstest.MapFile{Data: []byte("[[entries]]\nid = \"a\"\nkind = \"service\"\ntitle = \"A\"\n")}
	want := Meta{Version: "2026.11.1", Date: "2026-11-22"}
	for _, c := range []struct {
		name string
		fsys fstest.MapFS
		want Meta
		err  string
	}{
		{name: "in meta.toml", fsys: fstest.MapFS{"meta.toml": meta, "services.toml": entries}, want: want},
		{name: "in another file", fsys: fstest.MapFS{"services.toml": {Data: append(append([]byte{}, meta.Data...), entries.Data...)}}, want: want},
		{name: "meta.toml without the table", fsys: fstest.MapFS{"meta.toml": {Data: []byte("# nothing\n")}, "z.toml": meta}, want: want},
		{name: "meta.toml damaged", fsys: fstest.MapFS{"meta.toml": {Data: []byte("[meta\nversion = ")}}, err: "meta.toml"},
		{name: "no meta at all", fsys: fstest.MapFS{"services.toml": entries}, want: Meta{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := LoadMeta(c.fsys)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want it to name %q", err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("LoadMeta = %+v, %v; want %+v", got, err, c.want)
			}
			if b, err := Load(c.fsys); err != nil || b.Meta != got {
				t.Fatalf("Load reads %+v, %v: LoadMeta disagrees", b.Meta, err)
			}
		})
	}
}
