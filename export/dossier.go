package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"reperecyber/journal"
)

// The dossier flows over as many pages as its journal needs: unlike the
// sheets, which fit one page, it lets fpdf break pages.
const (
	dossierBottom = 16.0 // mm kept for the footer
	lineH         = 4.6
)

// Dossier writes the incident dossier as a PDF: header, deadlines,
// timeline, checklist, contacts called, evidence with hashes, then the
// three ready sections for the complaint, the insurer and the CNIL.
// Times are shown in loc.
func Dossier(w io.Writer, d journal.Dossier, loc *time.Location, opt Options) error {
	inc := d.Incident
	pdf, _ := newDoc(opt, fmt.Sprintf("Dossier d'incident n° %d, %s", inc.ID, inc.Commune))
	pdf.SetAutoPageBreak(true, dossierBottom)
	pdf.AliasNbPages("{nb}")
	dw := &dossierWriter{pdf: pdf, loc: loc, d: d}
	pdf.SetFooterFunc(dw.footer)
	pdf.AddPage()
	dw.header(opt)
	dw.deadlines()
	dw.timeline()
	dw.checklist()
	dw.calls()
	dw.evidence()
	dw.complaint()
	dw.insurer()
	dw.cnil()
	return finish(pdf, w)
}

type dossierWriter struct {
	pdf *fpdf.Fpdf
	loc *time.Location
	d   journal.Dossier
}

func (dw *dossierWriter) font(size float64, bold bool, grey int) {
	style := ""
	if bold {
		style = "B"
	}
	dw.pdf.SetFont(family, style, size)
	dw.pdf.SetTextColor(grey, grey, grey)
}

// text writes a wrapped paragraph at the left margin.
func (dw *dossierWriter) text(s string) {
	dw.pdf.SetX(margin)
	dw.pdf.MultiCell(contentW, lineH, french(s), "", "L", false)
}

// field writes « Label : value » with the label in bold.
func (dw *dossierWriter) field(label, value string) {
	dw.font(9.5, true, 0)
	dw.pdf.SetX(margin)
	dw.pdf.MultiCell(contentW, lineH, french(label), "", "L", false)
	dw.font(9.5, false, 30)
	dw.pdf.SetX(margin + 4)
	dw.pdf.MultiCell(contentW-4, lineH, french(value), "", "L", false)
	dw.pdf.Ln(0.8)
}

// item writes a bulleted or prefixed line with a hanging indent.
func (dw *dossierWriter) item(prefix, s string) {
	dw.font(9.5, false, 20)
	dw.pdf.SetX(margin)
	dw.pdf.CellFormat(8, lineH, prefix, "", 0, "L", false, 0, "")
	dw.pdf.MultiCell(contentW-8, lineH, french(s), "", "L", false)
}

// section starts a titled section on a black band, on a new page when
// fewer than 30 mm are left.
func (dw *dossierWriter) section(title string) {
	if dw.pdf.GetY() > pageH-dossierBottom-30 {
		dw.pdf.AddPage()
	}
	dw.pdf.Ln(3)
	dw.pdf.SetFillColor(0, 0, 0)
	dw.font(10, true, 255)
	dw.pdf.SetX(margin)
	dw.pdf.CellFormat(contentW, 6.5, "  "+french(strings.ToUpper(title)), "", 1, "L", true, 0, "")
	dw.pdf.Ln(2)
	dw.font(9.5, false, 20)
}

func (dw *dossierWriter) footer() {
	dw.pdf.SetY(pageH - 11)
	dw.font(7.5, false, 90)
	inc := dw.d.Incident
	dw.pdf.CellFormat(contentW, 4, french(fmt.Sprintf("Dossier d'incident n° %d · %s · établi avec Repère Cyber à partir du journal tenu par la mairie", inc.ID, inc.Commune)), "", 0, "L", false, 0, "")
	dw.pdf.SetX(margin)
	dw.pdf.CellFormat(contentW, 4, fmt.Sprintf("Page %d / {nb}", dw.pdf.PageNo()), "", 0, "R", false, 0, "")
}

func (dw *dossierWriter) header(opt Options) {
	inc := dw.d.Incident
	dw.pdf.SetFillColor(0, 0, 0)
	dw.font(9.5, true, 255)
	dw.pdf.CellFormat(contentW, 7, "  DOSSIER D'INCIDENT · JOURNAL, PREUVES, DÉCLARATIONS", "", 0, "L", true, 0, "")
	dw.font(7, false, 255)
	dw.pdf.SetX(margin)
	dw.pdf.CellFormat(contentW-2, 7, french("Édité le "+journal.DateTime(opt.date(), dw.loc)), "", 1, "R", false, 0, "")
	dw.pdf.Ln(2)
	dw.font(20, true, 0)
	dw.pdf.MultiCell(contentW, 9, french(inc.Commune), "", "L", false)
	dw.font(11, true, 40)
	dw.pdf.MultiCell(contentW, 5.5, french(fmt.Sprintf("Incident n° %d : %s", inc.ID, incidentTitle(inc))), "", "L", false)
	dw.pdf.Ln(3)
	dw.field("Découvert le", journal.DateTime(inc.Discovered, dw.loc))
	opened := journal.DateTime(inc.Opened, dw.loc)
	if inc.OpenedBy != "" {
		opened += ", par " + inc.OpenedBy
	}
	dw.field("Journal ouvert le", opened)
	if inc.Summary != "" {
		dw.field("Diagnostic", inc.Summary)
	}
	state := "En cours"
	if !inc.Open() {
		state = "Clos le " + journal.DateTime(inc.Closed, dw.loc)
	}
	dw.field("État", state)
	if inc.PersonalData {
		dw.field("Données personnelles", "Touchées : la CNIL doit être notifiée.")
	}
	if inc.INSEE != "" {
		dw.field("Code INSEE de la commune", inc.INSEE)
	}
}

func incidentTitle(inc journal.Incident) string {
	if inc.Title != "" {
		return inc.Title
	}
	return "incident ouvert sans diagnostic"
}

func (dw *dossierWriter) deadlines() {
	dw.section("Délais")
	for _, d := range journal.Deadlines(dw.d.Incident) {
		s := d.Label + " : " + d.Text
		if d.HasDue() {
			s += " Échéance : " + journal.DateTime(d.Due, dw.loc) + "."
		}
		dw.item("•", s)
	}
}

func (dw *dossierWriter) entryLine(e journal.Entry) string {
	s := e.Kind.Label() + " : " + e.Text
	if e.Corrects != 0 && e.Step == 0 {
		s += fmt.Sprintf(" (corrige l'entrée n° %d)", e.Corrects)
	}
	return s
}

func (dw *dossierWriter) timeline() {
	dw.section("Chronologie (journal)")
	entries := dw.d.Entries
	if len(entries) == 0 {
		dw.text("Aucune entrée dans le journal.")
		return
	}
	dw.font(8.5, false, 70)
	dw.text("Chaque entrée a été enregistrée à l'heure indiquée et n'a jamais été modifiée : une correction est une nouvelle entrée qui renvoie à l'ancienne.")
	dw.pdf.Ln(1)
	corrected := journal.Corrected(entries)
	for _, e := range entries {
		s := dw.entryLine(e)
		if by, ok := corrected[e.ID]; ok {
			s += fmt.Sprintf(" [corrigée par l'entrée n° %d]", by)
		}
		dw.font(9, true, 0)
		dw.pdf.SetX(margin)
		dw.pdf.CellFormat(50, lineH, french(fmt.Sprintf("n° %d · %s", e.ID, journal.Short(e.At, dw.loc))), "", 0, "L", false, 0, "")
		dw.font(9.5, false, 20)
		dw.pdf.MultiCell(contentW-50, lineH, french(s), "", "L", false)
		dw.pdf.Ln(0.6)
	}
}

func (dw *dossierWriter) checklist() {
	items := journal.Checklist(dw.d.Incident, dw.d.Entries)
	if len(items) == 0 {
		return
	}
	dw.section("À faire maintenant : état")
	for _, it := range items {
		step := strings.TrimSuffix(it.Text, ".")
		mark, s := "□", step+" : pas encore fait."
		if it.Done {
			mark, s = "■", step+" : fait, noté à "+journal.Clock(it.At, dw.loc)+" le "+journal.Short(it.At, dw.loc)[:10]+"."
		}
		dw.item(mark, s)
	}
}

func (dw *dossierWriter) calls() {
	dw.section("Contacts appelés")
	calls := journal.Calls(dw.d.Entries)
	if len(calls) == 0 {
		dw.text("Aucun appel noté dans le journal.")
		return
	}
	for _, e := range calls {
		dw.item("•", journal.Short(e.At, dw.loc)+" : "+e.Text)
	}
}

func (dw *dossierWriter) evidence() {
	dw.section("Preuves conservées")
	if len(dw.d.Evidence) == 0 {
		dw.text("Aucune preuve ajoutée au journal.")
		return
	}
	dw.font(8.5, false, 70)
	dw.text("Chaque fichier a été copié sans modification dans le dossier de l'application. L'empreinte SHA-256 permet à quiconque de vérifier qu'une copie est identique.")
	dw.pdf.Ln(1)
	for i, ev := range dw.d.Evidence {
		dw.item(fmt.Sprintf("%d.", i+1), fmt.Sprintf("%s : %d octets, ajouté le %s", ev.Name, ev.Size, journal.Short(ev.Added, dw.loc)))
		dw.font(8, false, 40)
		dw.pdf.SetX(margin + 8)
		dw.pdf.MultiCell(contentW-8, 4, "SHA-256 : "+ev.SHA256, "", "L", false)
		dw.pdf.Ln(0.6)
	}
}

// facts are the entries that tell what happened and what was done, in
// order, without the checklist ticks.
func (dw *dossierWriter) facts() []journal.Entry {
	var out []journal.Entry
	for _, e := range dw.d.Entries {
		if e.Step == 0 {
			out = append(out, e)
		}
	}
	return out
}

func (dw *dossierWriter) complaint() {
	inc := dw.d.Incident
	dw.pdf.AddPage()
	dw.section("Pour la plainte : les faits dans l'ordre")
	dw.font(9.5, false, 20)
	dw.text(fmt.Sprintf("Le %s, la mairie de %s a découvert : %s.", journal.DateTime(inc.Discovered, dw.loc), inc.Commune, strings.ToLower(incidentTitle(inc))))
	dw.pdf.Ln(1)
	for _, e := range dw.facts() {
		dw.item("•", journal.Short(e.At, dw.loc)+" · "+dw.entryLine(e))
	}
	dw.pdf.Ln(1)
	dw.text(fmt.Sprintf("Preuves remises : %d fichier(s), listés avec leur empreinte SHA-256 dans ce dossier.", len(dw.d.Evidence)))
}

func (dw *dossierWriter) insurer() {
	inc := dw.d.Incident
	dw.section("Pour l'assureur")
	dw.field("Assuré", "Mairie de "+inc.Commune)
	dw.field("Sinistre", incidentTitle(inc)+", découvert le "+journal.DateTime(inc.Discovered, dw.loc)+".")
	dw.field("Mesures prises", dw.measures())
	dw.field("Plainte", "À compléter : date, service (gendarmerie ou police) et numéro du dépôt de plainte.")
	dw.field("Préjudice", "À compléter : services interrompus et durée, frais engagés (prestataire, matériel), données perdues.")
	dw.field("Pièces jointes", "Ce dossier, le récépissé de plainte et les preuves listées ci-dessus.")
}

// measures lists the actions and decisions of the journal, and the
// checklist steps done.
func (dw *dossierWriter) measures() string {
	var lines []string
	for _, it := range journal.Checklist(dw.d.Incident, dw.d.Entries) {
		if it.Done {
			lines = append(lines, journal.Short(it.At, dw.loc)+" : "+it.Text)
		}
	}
	for _, e := range journal.ByKind(dw.d.Entries, journal.KindAction, journal.KindDecision) {
		if e.Step == 0 {
			lines = append(lines, journal.Short(e.At, dw.loc)+" : "+e.Text)
		}
	}
	if len(lines) == 0 {
		return "À compléter : aucune action ni décision notée dans le journal."
	}
	return strings.Join(lines, "\n")
}

func (dw *dossierWriter) cnil() {
	inc := dw.d.Incident
	dw.section("Brouillon de notification à la CNIL")
	dw.font(8.5, false, 70)
	due := inc.Discovered.Add(journal.CNILDelay)
	dw.text("Les informations que demande le RGPD (article 33), à reporter sur notifications.cnil.fr au plus tard le " + journal.DateTime(due, dw.loc) + ", 72 heures après la découverte. Ce qui n'est pas encore connu peut être complété plus tard : notifiez dans le délai.")
	if !inc.PersonalData {
		dw.text("Le journal n'indique pas que des données personnelles sont touchées : si c'est le cas, notifiez.")
	}
	dw.pdf.Ln(1)
	var constats []string
	for _, e := range journal.ByKind(dw.d.Entries, journal.KindConstat) {
		constats = append(constats, e.Text)
	}
	nature := incidentTitle(inc) + "."
	if inc.Summary != "" {
		nature += " " + inc.Summary
	}
	if len(constats) > 0 {
		nature += "\nConstats : " + strings.Join(constats, " ; ")
	}
	dw.field("Nature de la violation", nature)
	dw.field("Date et heure de la découverte", journal.DateTime(inc.Discovered, dw.loc))
	dw.field("Catégories et nombre approximatif de personnes concernées", "À compléter : habitants, agents, élus… et combien, environ.")
	dw.field("Catégories et nombre approximatif d'enregistrements concernés", "À compléter : état civil, listes électorales, paie, action sociale… et combien de fiches, environ.")
	dw.field("Conséquences probables", "À compléter : perte d'accès aux données, divulgation, usurpation d'identité, hameçonnage des personnes…")
	dw.field("Mesures prises ou envisagées", dw.measures())
	dw.field("Point de contact", "À compléter : nom et coordonnées du délégué à la protection des données (DPO) de la commune, ou de la personne à joindre.")
}
