package content

import (
	"net/url"
	"strings"
)

// seedTitles are the titles people see for the project's seed documents
// (shared/seeds), which content names by file (« seed:004_….txt ») for
// traceability. The file names themselves are shown nowhere.
var seedTitles = map[string]string{
	"000_23b95a4751b91a71.txt": "Police nationale, « Des réservistes citoyens au service de la lutte contre la cybercriminalité » (réseau des référents cybermenaces)",
	"001_b262b67dfb364adb.txt": "Gendarmerie nationale, « Le Commandement du ministère de l'Intérieur dans le cyberespace (COMCYBER-MI) »",
	"002_218ee9f9fb2e1196.txt": "Entretien « Sécurité numérique » avec le directeur du dispositif cybermalveillance.gouv.fr",
	"003_fb68032d7d8841db.txt": "Réponse du ministère de l'Intérieur et des Outre-mer à une question écrite sur la cybersécurité des collectivités",
	"004_21d2cdd1da2ea3cf.txt": "Dépliant du CALAE (Centre d'analyse et de lutte contre les atteintes aux élus), ministère de l'Intérieur",
}

// SourceTitle names a source for people: the title of a seed document,
// or the site of a web page (« www.cnil.fr »), whose full address stays
// in Source.URL.
func SourceTitle(s Source) string {
	if s.IsSeed() {
		if t, ok := seedTitles[strings.TrimPrefix(s.URL, seedPrefix)]; ok {
			return t
		}
		return "document de référence du projet"
	}
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return s.URL
}

// SourceWhen says when a source was written, or when it was read if it
// shows no date.
func SourceWhen(s Source) string {
	if s.Undated {
		return "non daté, consulté en " + FormatDate(s.Date)
	}
	return FormatDate(s.Date)
}
