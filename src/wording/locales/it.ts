import type { LocaleWording } from '../catalogue.js';
import { count, plural } from '../plural.js';

const q = (s: unknown) => `«${String(s ?? '')}»`;
const caratteri = (n: unknown) => count('it', Number(n), { one: 'carattere', other: 'caratteri' });

export const it: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'È troppo simile a una parola vietata.' : 'È una parola vietata.')
        : p.distance ? `È troppo simile alla parola vietata ${q(p.term)}.` : `Contiene la parola vietata ${q(p.term)}.`,
      suggestion: () => 'Evita parole comuni e nomi di questa organizzazione, anche con simboli al posto delle lettere.',
    },
    CONTEXT_TERM: {
      warning: (p) => `Contiene ${p.fieldName}.`,
      suggestion: () => 'Non usare il tuo nome, il tuo nome utente né il tuo indirizzo email.',
    },
    BREACHED: {
      warning: () => 'Questa password è comparsa in una violazione di dati: gli attaccanti la provano per prima.',
      suggestion: () => 'Scegli una password che non hai mai usato altrove.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'Il servizio delle password trapelate non è raggiungibile, quindi questa password non è stata confrontata con le violazioni note.',
      suggestion: () => 'Riprova tra poco.',
    },
    BREACHED_RARE: {
      warning: () => 'Questa password è comparsa in una violazione di dati, anche se di rado; gli attaccanti possono comunque provarla.',
      suggestion: () => 'Scegli una password che non hai mai usato altrove.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'È soprattutto una parola comune con poche modifiche: gli attaccanti la provano per prima.' : `Troppo poco è tuo: ottiene ${count('it', Number(p.points), { one: 'punto', other: 'punti' })} su ${p.threshold} ${plural('it', Number(p.threshold), { one: 'necessario', other: 'necessari' })}.`,
      suggestion: () => 'Aggiungi qualche parola o carattere tuo.',
    },
    TOO_SHORT: {
      warning: (p) => `È troppo corta: usa almeno ${caratteri(p.min)}.`,
      suggestion: () => 'Alcune parole senza legame tra loro formano una password lunga e facile da ricordare.',
    },
    TOO_LONG: { warning: (p) => `È troppo lunga: usa al massimo ${caratteri(p.max)}.` },
    REPETITIVE: {
      warning: () => 'Caratteri o blocchi ripetuti sono facili da indovinare.',
      suggestion: () => 'Evita caratteri e gruppi ripetuti.',
    },
    SEQUENTIAL: {
      warning: () => 'Sequenze come 1234 o abcd sono facili da indovinare.',
      suggestion: () => 'Evita sequenze di lettere o cifre.',
    },
    KEYBOARD_WALK: {
      warning: () => 'Schemi della tastiera come qwerty sono facili da indovinare.',
      suggestion: () => 'Evita file e schemi di tasti vicini.',
    },
    DICTIONARY_WORD: {
      warning: (p) => (p.term === undefined ? 'Una sola parola comune è facile da indovinare.' : `Una sola parola comune come ${q(p.term)} è facile da indovinare.`),
      suggestion: () => 'Combina più parole senza legame tra loro.',
    },
    DATE: {
      warning: (p) => (p.kind === 'year' ? 'Un anno è facile da indovinare.' : 'Le date sono facili da indovinare.'),
      suggestion: () => 'Evita anni e date legati a te.',
    },
    PREDICTABLE_AFFIX: {
      warning: () => "Cifre o simboli aggiunti all'inizio o alla fine sono facili da indovinare.",
      suggestion: () => "Metti i caratteri in più all'interno, oppure aggiungi un'altra parola.",
    },
    PREDICTABLE_STRING: {
      warning: (p) =>
        p.shape === 'famous' ? 'È una password famosa, da film, giochi o consigli sulle password: gli attaccanti la provano presto.'
        : p.shape === 'repeat' ? 'È la stessa cosa scritta due volte, il che non aggiunge quasi nulla.'
        : p.shape === 'word-number' ? 'Sembra un nome o una parola con un numero: una forma che la gente sceglie di continuo.'
        : 'Somiglia alle sequenze che le persone scelgono di solito.',
      suggestion: () => 'Aggiungi qualche parola senza legami, oppure lascia che un gestore di password ne crei una.',
    },
    WEAK: {
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Chi prova le parole comuni al contrario trova presto questa password.'
        : p.kind === 'reflected-word' ? 'Una parola seguita da sé stessa al contrario è tra le prime cose che un attaccante prova.'
        : p.kind === 'doubled-word' ? 'Una parola scritta due volte è tra le prime cose che un attaccante prova.'
        : p.kind === 'common-phrase' ? 'Parole comuni unite in una frase sono ciò che un attaccante combina per primo: una frase famosa o quotidiana cade presto.'
        : p.kind === 'inserted-characters' ? 'Una parola comune con cifre o simboli inseriti all’interno è tra le regole che un attaccante prova.'
        : p.kind === 'each-character-twice' ? 'Ogni carattere digitato due volte è tra le regole che un attaccante prova.'
        : p.kind === 'leaked-password-variant' ? 'Una password trapelata con una piccola modifica (cifre aggiunte, una lettera raddoppiata, scritta al contrario) è tra le prime cose che un attaccante prova.'
        : p.kind === 'interleaved-run' ? 'Una parola con una sequenza come 1234 digitata tra le sue lettere è uno schema che un attaccante prova.'
        : p.kind === 'digit-before-word' ? 'Una parola comune preceduta da una cifra è tra le prime cose che un attaccante prova.'
        : 'Questa password è facile da indovinare.',
      suggestion: () => 'Usa una password più lunga: più parole senza legame tra loro funzionano bene.',
    },
    CHECK_ERROR: { warning: () => 'Non è stato possibile verificare la password; riprova.' },
    ROTATED_PASSWORD: {
      warning: () => 'È la tua vecchia password con una piccola modifica, come un numero nuovo: chi conosce la vecchia prova questa per prima.',
      suggestion: () => 'Scegli una nuova password che non si basi su quella vecchia.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Troppi account di questa organizzazione hanno scelto una password simile; gli attaccanti la provano presto qui.',
      suggestion: () => "Scegli una password basata su un'altra parola tua: cambiare numeri, maiuscole o simboli non basta.",
    },
    POPULARITY_UNCHECKED: {
      warning: () => "Non è stato possibile consultare il controllo delle password diffuse nell'organizzazione; questa password non è stata verificata.",
      suggestion: () => 'Riprova tra un momento.',
    },
  },
  fields: {
    // With article and possessive, which agree with the noun (il tuo nome, i tuoi dati).
    firstName: 'il tuo nome', lastName: 'il tuo cognome', username: 'il tuo nome utente', email: 'il tuo indirizzo email',
    tenantName: 'il nome della tua organizzazione', displayName: 'il tuo nome', extraTerms: 'i tuoi dati',
  },
};
