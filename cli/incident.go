package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"reperecyber/core"
	"reperecyber/export"
	"reperecyber/journal"
	"reperecyber/store"
)

const incidentUsage = `Usage :
  reperecyber incident new --commune RECHERCHE [--outcome ISSUE] [--discovered HEURE] [--par NOM] [--donnees-personnelles]
  reperecyber incident log ID TEXTE [--kind constat|appel|decision|action] [--corrige N]
  reperecyber incident evidence ID FICHIER
  reperecyber incident list [--json]
  reperecyber incident show [--json] ID
  reperecyber incident dossier ID -o FICHIER.pdf [--force]
  reperecyber incident close ID`

type incidentCmd struct {
	name string
	run  func(ctx context.Context, env Env, args []string) int
}

var incidentCmds = []incidentCmd{
	{"new", runIncidentNew},
	{"log", runIncidentLog},
	{"evidence", runIncidentEvidence},
	{"list", runIncidentList},
	{"show", runIncidentShow},
	{"dossier", runIncidentDossier},
	{"close", runIncidentClose},
}

// runIncident dispatches the journal's sub-commands.
func runIncident(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		w, code := env.Stderr, ExitUsage
		if len(args) > 0 {
			w, code = env.Stdout, ExitOK
		}
		fmt.Fprintln(w, incidentUsage)
		return code
	}
	for _, c := range incidentCmds {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "Sous-commande inconnue : %q.\n%s\n", args[0], incidentUsage)
	return ExitUsage
}

// flags makes a sub-command's flag set; parse reports usage errors in
// French and -h on stdout.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("incident "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args (flags anywhere) and returns the positional
// arguments, or an exit code when it printed help or a usage error.
func parse(env Env, fs *flag.FlagSet, args []string, positional int) ([]string, int, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(env.Stdout, incidentUsage)
				return nil, ExitOK, false
			}
			fmt.Fprintf(env.Stderr, "Option incorrecte : %v\n%s\n", err, incidentUsage)
			return nil, ExitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if positional >= 0 && len(pos) != positional {
		fmt.Fprintf(env.Stderr, "Nombre d'arguments incorrect pour « incident %s ».\n%s\n", strings.TrimPrefix(fs.Name(), "incident "), incidentUsage)
		return nil, ExitUsage, false
	}
	return pos, ExitOK, true
}

func incidentID(env Env, s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id < 1 {
		fmt.Fprintf(env.Stderr, "« %s » n'est pas un numéro d'incident. La liste : reperecyber incident list\n", s)
		return 0, false
	}
	return id, true
}

// openIncident reads the incident number given first and opens the user
// database, or says in French why not and gives the exit code.
func openIncident(env Env, pos []string) (*store.User, int64, int, bool) {
	id, ok := incidentID(env, pos[0])
	if !ok {
		return nil, 0, ExitUsage, false
	}
	u, ok := openUserData(env)
	if !ok {
		return nil, 0, ExitFailure, false
	}
	return u, id, ExitOK, true
}

// openUserData opens the user database, or says in French why not.
func openUserData(env Env) (*store.User, bool) {
	u, err := store.OpenUser(env.Core.Paths.User)
	if errors.Is(err, store.ErrCorrupt) {
		fmt.Fprintf(env.Stderr, "Le fichier de vos données est endommagé : %s\nDéplacez-le ailleurs (ne le supprimez pas) puis relancez.\n", env.Core.Paths.User)
		return nil, false
	}
	if err != nil {
		failed(env, "Impossible d'ouvrir vos données ("+env.Core.Paths.User+").", err)
		return nil, false
	}
	return u, true
}

// incidentErr turns a store error into a French message and exit code.
func incidentErr(env Env, id int64, err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(env.Stderr, "Aucun incident ni entrée ne porte ce numéro (incident %d). La liste : reperecyber incident list\n", id)
		return ExitUsage
	case errors.Is(err, store.ErrClosed):
		fmt.Fprintf(env.Stderr, "L'incident %d est clos : on ne peut plus y ajouter d'entrée ni de preuve.\n", id)
		return ExitUsage
	case errors.Is(err, store.ErrInvalid):
		fmt.Fprintln(env.Stderr, strings.TrimSuffix(err.Error(), ": "+store.ErrInvalid.Error()))
		return ExitUsage
	}
	return failed(env, "Enregistrement impossible : rien n'a été modifié.", err)
}

func runIncidentNew(ctx context.Context, env Env, args []string) int {
	fs := flags("new")
	commune := fs.String("commune", "", "")
	outcome := fs.String("outcome", "", "")
	discovered := fs.String("discovered", "", "")
	by := fs.String("par", "", "")
	personal := fs.Bool("donnees-personnelles", false, "")
	if _, code, ok := parse(env, fs, args, 0); !ok {
		return code
	}
	if strings.TrimSpace(*commune) == "" {
		fmt.Fprintf(env.Stderr, "Indiquez la commune : --commune RECHERCHE (code INSEE, code postal ou nom).\n%s\n", incidentUsage)
		return ExitUsage
	}
	now := time.Now()
	inc := journal.Incident{Discovered: now, OpenedBy: strings.TrimSpace(*by), PersonalData: *personal}
	if *discovered != "" {
		t, err := journal.ParseTime(*discovered, now, time.Local)
		if err != nil {
			fmt.Fprintln(env.Stderr, err)
			return ExitUsage
		}
		inc.Discovered = t
	}
	c, ok := openCore(ctx, env)
	if !ok {
		return ExitFailure
	}
	defer c.Close()
	if *outcome != "" {
		o, found := c.Outcome(*outcome)
		if !found {
			fmt.Fprintf(env.Stderr, "Aucune issue du parcours ne s'appelle %q.\nLes issues : reperecyber triage --tree --json\n", *outcome)
			return ExitUsage
		}
		inc.OutcomeID, inc.Title, inc.Summary = o.ID, o.Title, o.Summary
		inc.Steps, inc.Deadlines = o.Steps, o.Deadlines
		inc.PersonalData = inc.PersonalData || journal.OutcomeInvolvesPersonalData(o.Deadlines)
	}
	res, code := resolveCommune(env, c, *commune, "--commune CODE_INSEE")
	if code != ExitOK {
		return code
	}
	inc.INSEE, inc.Commune = res.Place.INSEE, res.Place.Name
	u, ok := user(env, c)
	if !ok {
		return ExitFailure
	}
	inc, err := u.OpenIncident(ctx, inc)
	if err != nil {
		return incidentErr(env, 0, err)
	}
	fmt.Fprintf(env.Stdout, "Journal d'incident ouvert pour %s, découverte le %s.\n", inc.Commune, journal.DateTime(inc.Discovered, time.Local))
	for _, d := range journal.Deadlines(inc) {
		writeDeadline(env.Stdout, d, now)
	}
	fmt.Fprintf(env.Stdout, "Pour noter : reperecyber incident log %d \"ce que vous avez vu ou fait\"\n", inc.ID)
	fmt.Fprintf(env.Stdout, "Numéro de l'incident : %d\n", inc.ID)
	return ExitOK
}

func writeDeadline(w io.Writer, d journal.Deadline, now time.Time) {
	if d.HasDue() {
		fmt.Fprintf(w, "  %s : %s ; %s (avant le %s).\n", d.Label, strings.TrimSuffix(d.Text, "."), journal.Remaining(now, d.Due), journal.DateTime(d.Due, time.Local))
		return
	}
	fmt.Fprintf(w, "  %s : %s\n", d.Label, d.Text)
}

func runIncidentLog(ctx context.Context, env Env, args []string) int {
	fs := flags("log")
	kind := fs.String("kind", "", "")
	corrects := fs.Int64("corrige", 0, "")
	pos, code, ok := parse(env, fs, args, -1)
	if !ok {
		return code
	}
	if len(pos) < 2 {
		fmt.Fprintf(env.Stderr, "Indiquez le numéro de l'incident puis le texte de l'entrée.\n%s\n", incidentUsage)
		return ExitUsage
	}
	k, ok := journal.ParseKind(*kind)
	if !ok {
		fmt.Fprintf(env.Stderr, "Type d'entrée %q inconnu. Types possibles : constat, appel, decision, action.\n", *kind)
		return ExitUsage
	}
	u, id, code, ok := openIncident(env, pos)
	if !ok {
		return code
	}
	defer u.Close()
	e, err := u.AddEntry(ctx, journal.Entry{IncidentID: id, Kind: k, Text: strings.Join(pos[1:], " "), Corrects: *corrects})
	if err != nil {
		return incidentErr(env, id, err)
	}
	fmt.Fprintf(env.Stdout, "Entrée %d enregistrée à %s.\n", e.ID, journal.Clock(e.At, time.Local))
	return ExitOK
}

func runIncidentEvidence(ctx context.Context, env Env, args []string) int {
	pos, code, ok := parse(env, flags("evidence"), args, 2)
	if !ok {
		return code
	}
	u, id, code, ok := openIncident(env, pos)
	if !ok {
		return code
	}
	defer u.Close()
	ev, err := u.AddEvidence(ctx, id, pos[1])
	if err != nil && !errors.Is(err, store.ErrNotFound) && !errors.Is(err, store.ErrClosed) && !errors.Is(err, store.ErrInvalid) {
		return failed(env, "Impossible de copier « "+pos[1]+" » : vérifiez que le fichier existe et se lit. L'original n'a pas été modifié.", err)
	}
	if errors.Is(err, store.ErrInvalid) {
		fmt.Fprintf(env.Stderr, "« %s » n'est pas un fichier : indiquez un fichier, pas un dossier.\n", pos[1])
		return ExitUsage
	}
	if err != nil {
		return incidentErr(env, id, err)
	}
	fmt.Fprintf(env.Stdout, "Preuve copiée : %s (%s octets)\nEmpreinte SHA-256 : %s\n", ev.Name, strconv.FormatInt(ev.Size, 10), ev.SHA256)
	return ExitOK
}

// incidentJSON is an incident as `list --json` and `show --json` print it.
type incidentJSON struct {
	ID           int64               `json:"id"`
	INSEE        string              `json:"insee"`
	Commune      string              `json:"commune"`
	Outcome      string              `json:"outcome,omitempty"`
	Title        string              `json:"title,omitempty"`
	OpenedBy     string              `json:"opened_by,omitempty"`
	PersonalData bool                `json:"personal_data"`
	Discovered   time.Time           `json:"discovered"`
	Opened       time.Time           `json:"opened"`
	Closed       *time.Time          `json:"closed,omitempty"`
	Deadlines    []deadlineJSON      `json:"deadlines"`
	Entries      []journal.Entry     `json:"entries,omitempty"`
	Checklist    []journal.CheckItem `json:"checklist,omitempty"`
	Evidence     []journal.Evidence  `json:"evidence,omitempty"`
}

type deadlineJSON struct {
	Label string     `json:"label"`
	Text  string     `json:"text"`
	Due   *time.Time `json:"due,omitempty"`
}

func toJSON(inc journal.Incident) incidentJSON {
	j := incidentJSON{ID: inc.ID, INSEE: inc.INSEE, Commune: inc.Commune, Outcome: inc.OutcomeID, Title: inc.Title,
		OpenedBy: inc.OpenedBy, PersonalData: inc.PersonalData, Discovered: inc.Discovered, Opened: inc.Opened, Deadlines: []deadlineJSON{}}
	if !inc.Open() {
		c := inc.Closed
		j.Closed = &c
	}
	for _, d := range journal.Deadlines(inc) {
		dj := deadlineJSON{Label: d.Label, Text: d.Text}
		if d.HasDue() {
			due := d.Due
			dj.Due = &due
		}
		j.Deadlines = append(j.Deadlines, dj)
	}
	return j
}

func writeIncidentJSON(env Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return failed(env, "Écriture impossible.", err)
	}
	return ExitOK
}

func runIncidentList(ctx context.Context, env Env, args []string) int {
	fs := flags("list")
	asJSON := fs.Bool("json", false, "")
	if _, code, ok := parse(env, fs, args, 0); !ok {
		return code
	}
	u, ok := openUserData(env)
	if !ok {
		return ExitFailure
	}
	defer u.Close()
	list, err := u.Incidents(ctx)
	if err != nil {
		return failed(env, "Lecture des incidents impossible.", err)
	}
	if *asJSON {
		out := make([]incidentJSON, 0, len(list))
		for _, inc := range list {
			out = append(out, toJSON(inc))
		}
		return writeIncidentJSON(env, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "Aucun incident. Pour en ouvrir un : reperecyber incident new --commune RECHERCHE")
		return ExitOK
	}
	for _, inc := range list {
		state := "en cours"
		if !inc.Open() {
			state = "clos"
		}
		fmt.Fprintf(env.Stdout, "%4d  %s  %s  %s  (%s)\n", inc.ID, journal.Short(inc.Discovered, time.Local), inc.Commune, titleOr(inc), state)
	}
	return ExitOK
}

func titleOr(inc journal.Incident) string {
	if inc.Title != "" {
		return inc.Title
	}
	return "Incident"
}

func runIncidentShow(ctx context.Context, env Env, args []string) int {
	fs := flags("show")
	asJSON := fs.Bool("json", false, "")
	pos, code, ok := parse(env, fs, args, 1)
	if !ok {
		return code
	}
	u, id, code, ok := openIncident(env, pos)
	if !ok {
		return code
	}
	defer u.Close()
	d, err := u.Dossier(ctx, id)
	if err != nil {
		return incidentErr(env, id, err)
	}
	if *asJSON {
		j := toJSON(d.Incident)
		j.Entries, j.Evidence, j.Checklist = d.Entries, d.Evidence, journal.Checklist(d.Incident, d.Entries)
		return writeIncidentJSON(env, j)
	}
	writeDossier(env.Stdout, d, time.Now())
	return ExitOK
}

func writeDossier(w io.Writer, d journal.Dossier, now time.Time) {
	inc := d.Incident
	fmt.Fprintf(w, "Incident %d : %s, %s\n", inc.ID, titleOr(inc), inc.Commune)
	fmt.Fprintf(w, "Découvert le %s\n", journal.DateTime(inc.Discovered, time.Local))
	if !inc.Open() {
		fmt.Fprintf(w, "Clos le %s\n", journal.DateTime(inc.Closed, time.Local))
	}
	fmt.Fprintln(w, "\nDélais")
	for _, dl := range journal.Deadlines(inc) {
		writeDeadline(w, dl, now)
	}
	if items := journal.Checklist(inc, d.Entries); len(items) > 0 {
		fmt.Fprintln(w, "\nÀ faire")
		for _, it := range items {
			mark := "[ ]"
			if it.Done {
				mark = "[x]"
			}
			fmt.Fprintf(w, "  %s %s\n", mark, it.Text)
		}
	}
	fmt.Fprintln(w, "\nJournal")
	if len(d.Entries) == 0 {
		fmt.Fprintln(w, "  (aucune entrée)")
	}
	for _, e := range d.Entries {
		line := fmt.Sprintf("  %d. %s  %s : %s", e.ID, journal.Short(e.At, time.Local), e.Kind.Label(), e.Text)
		if e.Corrects != 0 {
			line += fmt.Sprintf(" (corrige l'entrée %d)", e.Corrects)
		}
		fmt.Fprintln(w, line)
	}
	if len(d.Evidence) > 0 {
		fmt.Fprintln(w, "\nPreuves")
		for _, ev := range d.Evidence {
			fmt.Fprintf(w, "  %s (%d octets, %s)\n    SHA-256 %s\n", ev.Name, ev.Size, journal.Short(ev.Added, time.Local), ev.SHA256)
		}
	}
}

func runIncidentDossier(ctx context.Context, env Env, args []string) int {
	fs := flags("dossier")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	pos, code, ok := parse(env, fs, args, 1)
	if !ok {
		return code
	}
	u, id, code, ok := openIncident(env, pos)
	if !ok {
		return code
	}
	defer u.Close()
	d, err := u.Dossier(ctx, id)
	if err != nil {
		return incidentErr(env, id, err)
	}
	path := *out
	if path == "" {
		path = fmt.Sprintf("dossier-incident-%d.pdf", id)
	}
	// The same rule as every file a command writes: no link, folder or
	// device, and a file that is not a PDF is replaced only with --force.
	if err := checkTarget(env, path, pdfMagic, *force); err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	opt := export.Options{Date: core.PrintDate(time.Now()), Producer: env.Info.Name + " " + env.Info.Version}
	if err := export.WriteFileAtomic(path, func(w io.Writer) error { return export.Dossier(w, d, time.Local, opt) }); err != nil {
		return exportFailed(env, path, err)
	}
	fmt.Fprintf(env.Stdout, "Dossier enregistré : %s\n", path)
	return ExitOK
}

func runIncidentClose(ctx context.Context, env Env, args []string) int {
	pos, code, ok := parse(env, flags("close"), args, 1)
	if !ok {
		return code
	}
	u, id, code, ok := openIncident(env, pos)
	if !ok {
		return code
	}
	defer u.Close()
	if err := u.CloseIncident(ctx, id); err != nil {
		return incidentErr(env, id, err)
	}
	fmt.Fprintf(env.Stdout, "Incident %d clos. Son journal reste consultable : reperecyber incident show %d\n", id, id)
	return ExitOK
}
