import type { LocaleWording } from '../catalogue.js';
import { count, plural } from '../plural.js';

const q = (s: unknown) => `‘${String(s ?? '')}’`;
const tekens = (n: unknown) => count('nl', Number(n), { one: 'teken', other: 'tekens' });

export const nl: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'Het lijkt te veel op een verboden woord.' : 'Het is een verboden woord.')
        : p.distance ? `Het lijkt te veel op het verboden woord ${q(p.term)}.` : `Het bevat het verboden woord ${q(p.term)}.`,
      suggestion: () => 'Vermijd gangbare woorden en namen van deze organisatie, ook met symbolen in plaats van letters.',
    },
    CONTEXT_TERM: {
      warning: (p) => `Het bevat ${p.fieldName}.`,
      suggestion: () => 'Laat je eigen naam, gebruikersnaam en e-mailadres weg.',
    },
    BREACHED: {
      warning: () => 'Dit wachtwoord is bij een datalek uitgelekt, dus aanvallers proberen het als eerste.',
      suggestion: () => 'Kies een wachtwoord dat je nog nergens anders hebt gebruikt.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'De dienst voor gelekte wachtwoorden was niet bereikbaar, dus dit wachtwoord is niet vergeleken met bekende datalekken.',
      suggestion: () => 'Probeer het zo meteen opnieuw.',
    },
    BREACHED_RARE: {
      warning: () => 'Dit wachtwoord kwam voor in een datalek, zij het zelden; aanvallers kunnen het toch proberen.',
      suggestion: () => 'Kies een wachtwoord dat je nog nergens anders hebt gebruikt.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'Het is vooral een veelgebruikt woord met kleine wijzigingen: aanvallers proberen dat als eerste.' : `Te weinig ervan is van jezelf: het scoort ${p.points} van de ${p.threshold} ${plural('nl', Number(p.threshold), { one: 'benodigde punt', other: 'benodigde punten' })}.`,
      suggestion: () => 'Voeg nog een paar eigen woorden of tekens toe.',
    },
    TOO_SHORT: {
      warning: (p) => `Het is te kort: gebruik minstens ${tekens(p.min)}.`,
      suggestion: () => 'Een paar losse woorden samen geven een lang wachtwoord dat makkelijk te onthouden is.',
    },
    TOO_LONG: { warning: (p) => `Het is te lang: gebruik hoogstens ${tekens(p.max)}.` },
    REPETITIVE: {
      warning: () => 'Herhaalde tekens of blokken zijn makkelijk te raden.',
      suggestion: () => 'Vermijd herhaalde tekens en groepen.',
    },
    SEQUENTIAL: {
      warning: () => 'Reeksen zoals 1234 of abcd zijn makkelijk te raden.',
      suggestion: () => 'Vermijd reeksen van letters of cijfers.',
    },
    KEYBOARD_WALK: {
      warning: () => 'Toetsenbordpatronen zoals qwerty zijn makkelijk te raden.',
      suggestion: () => 'Vermijd rijen en patronen van naast elkaar liggende toetsen.',
    },
    DICTIONARY_WORD: {
      warning: (p) => (p.term === undefined ? 'Eén gangbaar woord is makkelijk te raden.' : `Eén gangbaar woord zoals ${q(p.term)} is makkelijk te raden.`),
      suggestion: () => 'Combineer een paar woorden die niets met elkaar te maken hebben.',
    },
    DATE: {
      warning: (p) => (p.kind === 'year' ? 'Een jaartal is makkelijk te raden.' : 'Datums zijn makkelijk te raden.'),
      suggestion: () => 'Vermijd jaartallen en datums die met jou te maken hebben.',
    },
    PREDICTABLE_AFFIX: {
      warning: () => 'Cijfers of symbolen aan het begin of eind zijn makkelijk te raden.',
      suggestion: () => 'Zet de extra tekens ertussen, of voeg liever nog een woord toe.',
    },
    PREDICTABLE_STRING: {
      warning: (p) =>
        p.shape === 'famous' ? 'Het is een beroemd wachtwoord uit films, games of wachtwoordadvies: aanvallers proberen het vroeg.'
        : p.shape === 'repeat' ? 'Het is twee keer hetzelfde getypt, wat bijna niets toevoegt.'
        : p.shape === 'word-number' ? 'Het lijkt op een naam of woord met een getal: die vorm kiezen mensen voortdurend.'
        : 'Het lijkt op de tekenreeksen die mensen meestal kiezen.',
      suggestion: () => 'Voeg een paar losse woorden toe, of laat een wachtwoordmanager er een maken.',
    },
    WEAK: {
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Wie gangbare woorden achterstevoren probeert, vindt dit wachtwoord snel.'
        : p.kind === 'reflected-word' ? 'Een woord gevolgd door zichzelf achterstevoren is een van de eerste dingen die aanvallers proberen.'
        : p.kind === 'doubled-word' ? 'Een woord dat twee keer is getypt is een van de eerste dingen die aanvallers proberen.'
        : p.kind === 'common-phrase' ? 'Gangbare woorden samengevoegd tot een zin combineren aanvallers als eerste: een bekende of alledaagse zin valt snel.'
        : p.kind === 'inserted-characters' ? 'Een gangbaar woord met cijfers of tekens ertussen is een van de regels die aanvallers proberen.'
        : p.kind === 'each-character-twice' ? 'Elk teken twee keer getypt is een van de regels die aanvallers proberen.'
        : p.kind === 'leaked-password-variant' ? 'Een gelekt wachtwoord met een kleine wijziging (cijfers toegevoegd, een letter verdubbeld, achterstevoren geschreven) is een van de eerste dingen die aanvallers proberen.'
        : p.kind === 'interleaved-run' ? 'Een woord met een reeks als 1234 tussen de letters getypt is een patroon dat aanvallers proberen.'
        : p.kind === 'digit-before-word' ? 'Een gangbaar woord met een cijfer ervoor is een van de eerste dingen die aanvallers proberen.'
        : 'Dit wachtwoord is makkelijk te raden.',
      suggestion: () => 'Gebruik een langer wachtwoord: een paar losse woorden werken goed.',
    },
    CHECK_ERROR: { warning: () => 'Het wachtwoord kon niet worden gecontroleerd; probeer het opnieuw.' },
    ROTATED_PASSWORD: {
      warning: () => 'Het is je oude wachtwoord met een kleine wijziging, zoals een nieuw getal: aanvallers die het oude kennen, proberen dit als eerste.',
      suggestion: () => 'Kies een nieuw wachtwoord dat niet op je oude voortbouwt.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Te veel accounts in deze organisatie kozen een wachtwoord als dit; aanvallers proberen het hier vroeg.',
      suggestion: () => 'Kies een wachtwoord op basis van een ander eigen woord: andere cijfers, hoofdletters of symbolen zijn niet genoeg.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => 'De controle op veelgekozen wachtwoorden in de organisatie was niet bereikbaar; dit wachtwoord is er niet mee gecontroleerd.',
      suggestion: () => 'Probeer het zo opnieuw.',
    },
  },
  fields: {
    firstName: 'je voornaam', lastName: 'je achternaam', username: 'je gebruikersnaam', email: 'je e-mailadres',
    tenantName: 'de naam van je organisatie', displayName: 'je naam', extraTerms: 'je gegevens',
  },
};
