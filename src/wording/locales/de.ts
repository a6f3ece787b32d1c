import type { LocaleWording } from '../catalogue.js';
import { plural } from '../plural.js';

const q = (s: unknown) => `„${String(s ?? '')}“`;

export const de: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'Es ähnelt zu sehr einem gesperrten Wort.' : 'Es ist ein gesperrtes Wort.')
        : p.distance ? `Es ähnelt zu sehr dem gesperrten Wort ${q(p.term)}.` : `Es enthält das gesperrte Wort ${q(p.term)}.`,
      suggestion: () => 'Vermeiden Sie gängige Wörter und Namen der Organisation, auch mit Sonderzeichen statt Buchstaben.',
    },
    CONTEXT_TERM: {
      warning: (p) => `Es enthält ${p.fieldName}.`,
      suggestion: () => 'Verwenden Sie weder Ihren Namen noch Ihren Benutzernamen oder Ihre E-Mail-Adresse.',
    },
    BREACHED: {
      warning: () => 'Dieses Passwort ist in einem Datenleck aufgetaucht; Angreifer probieren es zuerst.',
      suggestion: () => 'Wählen Sie ein Passwort, das Sie noch nirgends verwendet haben.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'Der Dienst für geleakte Passwörter war nicht erreichbar, daher wurde dieses Passwort nicht mit bekannten Datenlecks abgeglichen.',
      suggestion: () => 'Versuchen Sie es gleich noch einmal.',
    },
    BREACHED_RARE: {
      warning: () => 'Dieses Passwort kam in einem Datenleck vor, wenn auch selten; Angreifer können es trotzdem ausprobieren.',
      suggestion: () => 'Wählen Sie ein Passwort, das Sie noch nirgends verwendet haben.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'Es ist im Wesentlichen ein gängiges Wort mit kleinen Änderungen – genau das probieren Angreifer zuerst.' : `Zu wenig davon ist eigenständig: ${p.points} von ${p.threshold} ${plural('de', Number(p.threshold), { one: 'nötigen Punkt', other: 'nötigen Punkten' })}.`,
      suggestion: () => 'Fügen Sie einige eigene Wörter oder Zeichen hinzu.',
    },
    TOO_SHORT: {
      warning: (p) => `Es ist zu kurz: Verwenden Sie mindestens ${p.min} Zeichen.`,
      suggestion: () => 'Einige unzusammenhängende Wörter ergeben ein langes, gut merkbares Passwort.',
    },
    TOO_LONG: { warning: (p) => `Es ist zu lang: Verwenden Sie höchstens ${p.max} Zeichen.` },
    REPETITIVE: {
      warning: () => 'Wiederholte Zeichen oder Gruppen sind leicht zu erraten.',
      suggestion: () => 'Vermeiden Sie Wiederholungen.',
    },
    SEQUENTIAL: {
      warning: () => 'Folgen wie 1234 oder abcd sind leicht zu erraten.',
      suggestion: () => 'Vermeiden Sie Buchstaben- und Zahlenfolgen.',
    },
    KEYBOARD_WALK: {
      warning: () => 'Tastaturmuster wie qwertz sind leicht zu erraten.',
      suggestion: () => 'Vermeiden Sie Reihen benachbarter Tasten.',
    },
    DICTIONARY_WORD: {
      warning: (p) => (p.term === undefined ? 'Ein einzelnes gängiges Wort ist leicht zu erraten.' : `Ein einzelnes gängiges Wort wie ${q(p.term)} ist leicht zu erraten.`),
      suggestion: () => 'Kombinieren Sie mehrere unzusammenhängende Wörter.',
    },
    DATE: {
      warning: (p) => (p.kind === 'year' ? 'Eine Jahreszahl ist leicht zu erraten.' : 'Daten sind leicht zu erraten.'),
      suggestion: () => 'Vermeiden Sie Jahreszahlen und Daten, die mit Ihnen zu tun haben.',
    },
    PREDICTABLE_AFFIX: {
      warning: () => 'Am Anfang oder Ende angehängte Ziffern oder Zeichen sind leicht zu erraten.',
      suggestion: () => 'Fügen Sie lieber ein weiteres Wort hinzu.',
    },
    PREDICTABLE_STRING: {
        warning: (p) =>
          p.shape === 'famous' ? 'Es ist ein berühmtes Passwort aus Filmen, Spielen oder Sicherheitstipps: Angreifer probieren es früh.'
          : p.shape === 'repeat' ? 'Es ist zweimal dasselbe, und das bringt fast nichts.'
          : p.shape === 'word-number' ? 'Es sieht aus wie ein Name oder Wort mit einer Zahl: eine Form, die sehr viele wählen.'
          : 'Es sieht aus wie die Zeichenfolgen, die Menschen gewöhnlich wählen.',
        suggestion: () => 'Fügen Sie ein paar Wörter ohne Zusammenhang hinzu oder lassen Sie einen Passwortmanager eines erzeugen.',
    },
    WEAK: {
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Wer gängige Wörter rückwärts ausprobiert, findet dieses Passwort früh.'
        : p.kind === 'reflected-word' ? 'Ein Wort, gefolgt von sich selbst rückwärts, gehört zum Ersten, was Angreifer ausprobieren.'
        : p.kind === 'doubled-word' ? 'Ein zweimal getipptes Wort gehört zum Ersten, was Angreifer ausprobieren.'
        : p.kind === 'common-phrase' ? 'Gängige Wörter zu einer Phrase verbunden kombinieren Angreifer zuerst: ein bekannter oder alltäglicher Satz fällt früh.'
        : p.kind === 'inserted-characters' ? 'Ein gängiges Wort mit eingeschobenen Ziffern oder Zeichen gehört zu den Regeln, die Angreifer ausprobieren.'
        : p.kind === 'each-character-twice' ? 'Jedes Zeichen doppelt getippt gehört zu den Regeln, die Angreifer ausprobieren.'
        : p.kind === 'leaked-password-variant' ? 'Ein geleaktes Passwort mit einer kleinen Änderung (Ziffern angehängt, ein Buchstabe verdoppelt, rückwärts geschrieben) gehört zum Ersten, was Angreifer ausprobieren.'
        : p.kind === 'interleaved-run' ? 'Ein Wort, zwischen dessen Buchstaben eine Folge wie 1234 getippt ist, ist ein Muster, das Angreifer ausprobieren.'
        : p.kind === 'digit-before-word' ? 'Ein gängiges Wort mit einer Ziffer davor gehört zum Ersten, was Angreifer ausprobieren.'
        : 'Dieses Passwort ist leicht zu erraten.',
      suggestion: () => 'Verwenden Sie ein längeres Passwort, etwa mehrere unzusammenhängende Wörter.',
    },
    CHECK_ERROR: { warning: () => 'Das Passwort konnte nicht geprüft werden; bitte erneut versuchen.' },
    ROTATED_PASSWORD: {
      warning: () => 'Es ist Ihr altes Passwort mit einer kleinen Änderung, etwa einer neuen Zahl: Angreifer, die das alte kennen, probieren das zuerst.',
      suggestion: () => 'Wählen Sie ein neues Passwort, das nicht auf dem alten aufbaut.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Zu viele Konten dieser Organisation haben ein ähnliches Passwort gewählt; Angreifer probieren es hier früh aus.',
      suggestion: () => 'Wählen Sie ein Passwort aus einem anderen, eigenen Wort: andere Ziffern, Groß- und Kleinschreibung oder Sonderzeichen genügen nicht.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => 'Die Prüfung auf in der Organisation verbreitete Passwörter war nicht erreichbar; dieses Passwort wurde nicht damit geprüft.',
      suggestion: () => 'Versuchen Sie es gleich noch einmal.',
    },
  },
  fields: {
    // Accusative, with the possessive, which agrees with the noun (Ihren Namen, Ihre E-Mail-Adresse).
    firstName: 'Ihren Vornamen', lastName: 'Ihren Nachnamen', username: 'Ihren Benutzernamen', email: 'Ihre E-Mail-Adresse',
    tenantName: 'den Namen Ihrer Organisation', displayName: 'Ihren Namen', extraTerms: 'Ihre Angaben',
  },
};
