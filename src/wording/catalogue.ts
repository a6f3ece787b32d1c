import type { Locale } from './locales.js';

/** Parameters a message may use; never the password. */
export type Params = Readonly<Record<string, string | number | boolean | undefined>>;
type Text = (p: Params) => string;
export interface Entry {
  readonly warning: Text;
  readonly suggestion?: Text;
}
export type Catalogue = Readonly<Record<string, Entry>>;

const q = (s: unknown) => `“${String(s ?? '')}”`;
const qf = (s: unknown) => `« ${String(s ?? '')} »`;
const qd = (s: unknown) => `„${String(s ?? '')}“`;

const en: Catalogue = {
  BANNED_TERM: {
    warning: (p) => (p.distance ? `It is too close to the banned word ${q(p.term)}.` : `It contains the banned word ${q(p.term)}.`),
    suggestion: () => 'Avoid common words and names of this organisation, even with letters swapped for symbols.',
  },
  CONTEXT_TERM: {
    warning: (p) => `It contains your ${p.fieldName}.`,
    suggestion: () => 'Leave your own name, user name and email address out of it.',
  },
  BREACHED: {
    warning: () => 'This password has appeared in a data breach, so attackers try it first.',
    suggestion: () => 'Choose a password you have never used anywhere else.',
  },
  LOW_SCORE: {
    warning: (p) => `Too little of it is your own: it scores ${p.points} of the ${p.threshold} points needed.`,
    suggestion: () => 'Add a few more words or characters of your own.',
  },
  TOO_SHORT: {
    warning: (p) => `It is too short: use at least ${p.min} characters.`,
    suggestion: () => 'A few unrelated words make a long password that is easy to remember.',
  },
  TOO_LONG: { warning: (p) => `It is too long: use at most ${p.max} characters.` },
  REPETITIVE: {
    warning: () => 'Repeated characters or blocks are easy to guess.',
    suggestion: () => 'Avoid repeated characters and repeated groups.',
  },
  SEQUENTIAL: {
    warning: () => 'Sequences such as 1234 or abcd are easy to guess.',
    suggestion: () => 'Avoid sequences of letters or digits.',
  },
  KEYBOARD_WALK: {
    warning: () => 'Keyboard patterns such as qwerty are easy to guess.',
    suggestion: () => 'Avoid rows and patterns of neighbouring keys.',
  },
  DICTIONARY_WORD: {
    warning: (p) => `A single common word such as ${q(p.term)} is easy to guess.`,
    suggestion: () => 'Combine several unrelated words.',
  },
  DATE: {
    warning: (p) => (p.kind === 'year' ? 'A year is easy to guess.' : 'Dates are easy to guess.'),
    suggestion: () => 'Avoid years and dates that are linked to you.',
  },
  PREDICTABLE_AFFIX: {
    warning: () => 'Digits or symbols added at the start or end are easy to guess.',
    suggestion: () => 'Put the extra characters inside, or add another word instead.',
  },
  PREDICTABLE_STRING: {
    warning: (p) =>
      p.shape === 'famous' ? 'It is a famous password, from films, games or password advice: attackers try it early.'
      : p.shape === 'repeat' ? 'It is the same thing typed twice, which adds almost nothing.'
      : p.shape === 'word-number' ? 'It looks like a name or word with a number: people choose that shape all the time.'
      : 'It looks like the strings people usually choose.',
    suggestion: () => 'Add a few unrelated words, or let a password manager make one up.',
  },
  WEAK: {
    warning: () => 'This password is easy to guess.',
    suggestion: () => 'Use a longer password: several unrelated words work well.',
  },
  CHECK_ERROR: { warning: () => 'The password could not be checked; please try again.' },
};

const fr: Catalogue = {
  BANNED_TERM: {
    warning: (p) => (p.distance ? `Il ressemble trop au mot interdit ${qf(p.term)}.` : `Il contient le mot interdit ${qf(p.term)}.`),
    suggestion: () => "Évitez les mots courants et les noms de l'organisation, même avec des symboles à la place des lettres.",
  },
  CONTEXT_TERM: {
    warning: (p) => `Il contient votre ${p.fieldName}.`,
    suggestion: () => "N'y mettez ni votre nom, ni votre nom d'utilisateur, ni votre adresse e-mail.",
  },
  BREACHED: {
    warning: () => 'Ce mot de passe figure dans une fuite de données : les attaquants l’essaient en premier.',
    suggestion: () => 'Choisissez un mot de passe que vous n’avez jamais utilisé ailleurs.',
  },
  LOW_SCORE: {
    warning: (p) => `Il contient trop peu d'éléments personnels : ${p.points} points sur les ${p.threshold} requis.`,
    suggestion: () => 'Ajoutez quelques mots ou caractères de votre choix.',
  },
  TOO_SHORT: {
    warning: (p) => `Il est trop court : utilisez au moins ${p.min} caractères.`,
    suggestion: () => 'Quelques mots sans rapport forment un mot de passe long et facile à retenir.',
  },
  TOO_LONG: { warning: (p) => `Il est trop long : utilisez au plus ${p.max} caractères.` },
  REPETITIVE: {
    warning: () => 'Les caractères ou groupes répétés sont faciles à deviner.',
    suggestion: () => 'Évitez les répétitions.',
  },
  SEQUENTIAL: {
    warning: () => 'Les suites comme 1234 ou abcd sont faciles à deviner.',
    suggestion: () => 'Évitez les suites de lettres ou de chiffres.',
  },
  KEYBOARD_WALK: {
    warning: () => 'Les motifs de clavier comme azerty sont faciles à deviner.',
    suggestion: () => 'Évitez les rangées de touches voisines.',
  },
  DICTIONARY_WORD: {
    warning: (p) => `Un seul mot courant comme ${qf(p.term)} est facile à deviner.`,
    suggestion: () => 'Combinez plusieurs mots sans rapport entre eux.',
  },
  DATE: {
    warning: (p) => (p.kind === 'year' ? 'Une année est facile à deviner.' : 'Les dates sont faciles à deviner.'),
    suggestion: () => 'Évitez les années et les dates qui vous concernent.',
  },
  PREDICTABLE_AFFIX: {
    warning: () => 'Des chiffres ou symboles ajoutés au début ou à la fin sont faciles à deviner.',
    suggestion: () => 'Ajoutez plutôt un autre mot.',
  },
  PREDICTABLE_STRING: {
    warning: (p) =>
      p.shape === 'famous' ? 'C’est un mot de passe célèbre (films, jeux, conseils de sécurité) : les attaquants l’essaient tôt.'
      : p.shape === 'repeat' ? 'C’est la même chose tapée deux fois, ce qui n’ajoute presque rien.'
      : p.shape === 'word-number' ? 'Il ressemble à un nom ou un mot suivi d’un nombre : une forme que beaucoup choisissent.'
      : 'Il ressemble aux chaînes que les gens choisissent d’habitude.',
    suggestion: () => 'Ajoutez quelques mots sans rapport, ou laissez un gestionnaire de mots de passe en créer un.',
  },
  WEAK: {
    warning: () => 'Ce mot de passe est facile à deviner.',
    suggestion: () => 'Allongez-le : plusieurs mots sans rapport fonctionnent bien.',
  },
  CHECK_ERROR: { warning: () => "Le mot de passe n'a pas pu être vérifié ; réessayez." },
};

const de: Catalogue = {
  BANNED_TERM: {
    warning: (p) => (p.distance ? `Es ähnelt zu sehr dem gesperrten Wort ${qd(p.term)}.` : `Es enthält das gesperrte Wort ${qd(p.term)}.`),
    suggestion: () => 'Vermeiden Sie gängige Wörter und Namen der Organisation, auch mit Sonderzeichen statt Buchstaben.',
  },
  CONTEXT_TERM: {
    warning: (p) => `Es enthält Ihren ${p.fieldName}.`,
    suggestion: () => 'Verwenden Sie weder Ihren Namen noch Ihren Benutzernamen oder Ihre E-Mail-Adresse.',
  },
  BREACHED: {
    warning: () => 'Dieses Passwort ist in einem Datenleck aufgetaucht; Angreifer probieren es zuerst.',
    suggestion: () => 'Wählen Sie ein Passwort, das Sie noch nirgends verwendet haben.',
  },
  LOW_SCORE: {
    warning: (p) => `Zu wenig davon ist eigenständig: ${p.points} von ${p.threshold} nötigen Punkten.`,
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
    warning: (p) => `Ein einzelnes gängiges Wort wie ${qd(p.term)} ist leicht zu erraten.`,
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
    warning: () => 'Dieses Passwort ist leicht zu erraten.',
    suggestion: () => 'Verwenden Sie ein längeres Passwort, etwa mehrere unzusammenhängende Wörter.',
  },
  CHECK_ERROR: { warning: () => 'Das Passwort konnte nicht geprüft werden; bitte erneut versuchen.' },
};

const es: Catalogue = {
  BANNED_TERM: {
    warning: (p) => (p.distance ? `Se parece demasiado a la palabra prohibida «${p.term}».` : `Contiene la palabra prohibida «${p.term}».`),
    suggestion: () => 'Evite palabras comunes y nombres de la organización, aunque cambie letras por símbolos.',
  },
  CONTEXT_TERM: {
    warning: (p) => `Contiene su ${p.fieldName}.`,
    suggestion: () => 'No incluya su nombre, su nombre de usuario ni su correo electrónico.',
  },
  BREACHED: {
    warning: () => 'Esta contraseña apareció en una filtración de datos; los atacantes la prueban primero.',
    suggestion: () => 'Elija una contraseña que no haya usado en ningún otro sitio.',
  },
  LOW_SCORE: {
    warning: (p) => `Tiene muy poco propio: ${p.points} de los ${p.threshold} puntos necesarios.`,
    suggestion: () => 'Añada algunas palabras o caracteres propios.',
  },
  TOO_SHORT: {
    warning: (p) => `Es demasiado corta: use al menos ${p.min} caracteres.`,
    suggestion: () => 'Varias palabras sin relación forman una contraseña larga y fácil de recordar.',
  },
  TOO_LONG: { warning: (p) => `Es demasiado larga: use como máximo ${p.max} caracteres.` },
  REPETITIVE: {
    warning: () => 'Los caracteres o grupos repetidos son fáciles de adivinar.',
    suggestion: () => 'Evite las repeticiones.',
  },
  SEQUENTIAL: {
    warning: () => 'Las secuencias como 1234 o abcd son fáciles de adivinar.',
    suggestion: () => 'Evite secuencias de letras o números.',
  },
  KEYBOARD_WALK: {
    warning: () => 'Los patrones de teclado como qwerty son fáciles de adivinar.',
    suggestion: () => 'Evite filas de teclas vecinas.',
  },
  DICTIONARY_WORD: {
    warning: (p) => `Una sola palabra común como «${p.term}» es fácil de adivinar.`,
    suggestion: () => 'Combine varias palabras sin relación.',
  },
  DATE: {
    warning: (p) => (p.kind === 'year' ? 'Un año es fácil de adivinar.' : 'Las fechas son fáciles de adivinar.'),
    suggestion: () => 'Evite años y fechas relacionados con usted.',
  },
  PREDICTABLE_AFFIX: {
    warning: () => 'Los números o símbolos añadidos al principio o al final son fáciles de adivinar.',
    suggestion: () => 'Añada mejor otra palabra.',
  },
  PREDICTABLE_STRING: {
    warning: (p) =>
      p.shape === 'famous' ? 'Es una contraseña famosa, de películas, juegos o consejos de seguridad: los atacantes la prueban pronto.'
      : p.shape === 'repeat' ? 'Es lo mismo escrito dos veces, lo que no añade casi nada.'
      : p.shape === 'word-number' ? 'Parece un nombre o una palabra con un número: una forma que muchísima gente elige.'
      : 'Se parece a las cadenas que la gente suele elegir.',
    suggestion: () => 'Añada unas cuantas palabras sin relación, o deje que un gestor de contraseñas genere una.',
  },
  WEAK: {
    warning: () => 'Esta contraseña es fácil de adivinar.',
    suggestion: () => 'Use una contraseña más larga: varias palabras sin relación funcionan bien.',
  },
  CHECK_ERROR: { warning: () => 'No se pudo comprobar la contraseña; inténtelo de nuevo.' },
};

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, fr, de, es };

/** What each context field is called in a sentence ("It contains your …"). */
export const FIELD_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    firstName: 'first name', lastName: 'last name', username: 'user name', email: 'email address',
    tenantName: 'organisation name', displayName: 'name', extraTerms: 'details',
  },
  fr: {
    firstName: 'prénom', lastName: 'nom', username: "nom d'utilisateur", email: 'adresse e-mail',
    tenantName: "nom de l'organisation", displayName: 'nom', extraTerms: 'informations',
  },
  de: {
    firstName: 'Vornamen', lastName: 'Nachnamen', username: 'Benutzernamen', email: 'E-Mail-Adresse',
    tenantName: 'Organisationsnamen', displayName: 'Namen', extraTerms: 'Angaben',
  },
  es: {
    firstName: 'nombre', lastName: 'apellido', username: 'nombre de usuario', email: 'correo electrónico',
    tenantName: 'nombre de la organización', displayName: 'nombre', extraTerms: 'datos',
  },
};
