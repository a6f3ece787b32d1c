import type { LocaleWording } from '../catalogue.js';
import { count, plural } from '../plural.js';

const q = (s: unknown) => `„${String(s ?? '')}”`;
// Polish has three forms for whole numbers: 1 znak, 2–4 znaki, 5+ znaków (CLDR one/few/many).
const znaki = (n: unknown) => count('pl', Number(n), { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' });

export const pl: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'Jest zbyt podobne do zakazanego słowa.' : 'To zakazane słowo.')
        : p.distance ? `Jest zbyt podobne do zakazanego słowa ${q(p.term)}.` : `Zawiera zakazane słowo ${q(p.term)}.`,
      suggestion: () => 'Unikaj popularnych słów i nazw tej organizacji, także z symbolami zamiast liter.',
    },
    CONTEXT_TERM: {
      warning: (p) => `Zawiera ${p.fieldName}.`,
      suggestion: () => 'Nie używaj swojego imienia, nazwy użytkownika ani adresu e-mail.',
    },
    BREACHED: {
      warning: () => 'To hasło pojawiło się w wycieku danych, więc atakujący sprawdzają je w pierwszej kolejności.',
      suggestion: () => 'Wybierz hasło, którego nie używasz nigdzie indziej.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'Usługa wycieków haseł jest nieosiągalna, więc tego hasła nie sprawdzono w znanych wyciekach.',
      suggestion: () => 'Spróbuj ponownie za chwilę.',
    },
    BREACHED_RARE: {
      warning: () => 'To hasło pojawiło się w wycieku danych, choć rzadko; atakujący nadal mogą je wypróbować.',
      suggestion: () => 'Wybierz hasło, którego nie używasz nigdzie indziej.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'To głównie popularne słowo z drobnymi zmianami – atakujący sprawdzają to w pierwszej kolejności.' : `Za mało w nim własnej inwencji: zdobywa ${count('pl', Number(p.points), { one: 'punkt', few: 'punkty', many: 'punktów', other: 'punktu' })} ` +
        `z ${p.threshold} ${plural('pl', Number(p.threshold), { one: 'wymaganego', other: 'wymaganych' })}.`,
      suggestion: () => 'Dodaj kilka własnych słów lub znaków.',
    },
    TOO_SHORT: {
      warning: (p) => `Jest za krótkie: musi mieć co najmniej ${znaki(p.min)}.`,
      suggestion: () => 'Kilka niepowiązanych słów tworzy długie hasło, które łatwo zapamiętać.',
    },
    TOO_LONG: { warning: (p) => `Jest za długie: może mieć najwyżej ${znaki(p.max)}.` },
    REPETITIVE: {
      warning: () => 'Powtarzające się znaki lub fragmenty łatwo odgadnąć.',
      suggestion: () => 'Unikaj powtarzania znaków i grup znaków.',
    },
    SEQUENTIAL: {
      warning: () => 'Ciągi takie jak 1234 czy abcd łatwo odgadnąć.',
      suggestion: () => 'Unikaj ciągów liter lub cyfr.',
    },
    KEYBOARD_WALK: {
      warning: () => 'Układy klawiszy takie jak qwerty łatwo odgadnąć.',
      suggestion: () => 'Unikaj rzędów i wzorów sąsiednich klawiszy.',
    },
    DICTIONARY_WORD: {
      warning: (p) => (p.term === undefined ? 'Jedno popularne słowo łatwo odgadnąć.' : `Jedno popularne słowo, takie jak ${q(p.term)}, łatwo odgadnąć.`),
      suggestion: () => 'Połącz kilka niepowiązanych słów.',
    },
    DATE: {
      warning: (p) => (p.kind === 'year' ? 'Rok łatwo odgadnąć.' : 'Daty łatwo odgadnąć.'),
      suggestion: () => 'Unikaj lat i dat związanych z Tobą.',
    },
    PREDICTABLE_AFFIX: {
      warning: () => 'Cyfry lub symbole dodane na początku lub na końcu łatwo odgadnąć.',
      suggestion: () => 'Umieść dodatkowe znaki w środku albo dodaj kolejne słowo.',
    },
    PREDICTABLE_STRING: {
      warning: (p) =>
        p.shape === 'famous' ? 'To znane hasło z filmów, gier lub porad o hasłach: atakujący próbują go wcześnie.'
        : p.shape === 'repeat' ? 'To samo wpisane dwa razy, co prawie nic nie dodaje.'
        : p.shape === 'word-number' ? 'Wygląda jak imię lub słowo z liczbą: ten kształt ludzie wybierają bardzo często.'
        : 'Przypomina ciągi, które ludzie zwykle wybierają.',
      suggestion: () => 'Dodaj kilka niezwiązanych słów albo pozwól menedżerowi haseł je wygenerować.',
    },
    WEAK: {
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Atakujący, który sprawdza popularne słowa czytane wspak, szybko znajdzie to hasło.'
        : p.kind === 'reflected-word' ? 'Słowo, po którym następuje ono samo wspak, to jedna z pierwszych rzeczy, które sprawdzają atakujący.'
        : p.kind === 'doubled-word' ? 'Słowo wpisane dwa razy to jedna z pierwszych rzeczy, które sprawdzają atakujący.'
        : p.kind === 'common-phrase' ? 'Popularne słowa połączone w zdanie atakujący łączą w pierwszej kolejności: znane lub codzienne zdanie szybko pada.'
        : p.kind === 'inserted-characters' ? 'Popularne słowo z cyframi lub symbolami wstawionymi do środka to jedna z reguł, które sprawdzają atakujący.'
        : p.kind === 'each-character-twice' ? 'Każdy znak wpisany dwa razy to jedna z reguł, które sprawdzają atakujący.'
        : p.kind === 'leaked-password-variant' ? 'Wyciekłe hasło z drobną zmianą (dopisane cyfry, podwojona litera, zapis wspak) to jedna z pierwszych rzeczy, które sprawdzają atakujący.'
        : p.kind === 'interleaved-run' ? 'Słowo z ciągiem typu 1234 wpisanym między litery to wzorzec, który sprawdzają atakujący.'
        : p.kind === 'digit-before-word' ? 'Popularne słowo poprzedzone cyfrą to jedna z pierwszych rzeczy, które sprawdzają atakujący.'
        : 'To hasło łatwo odgadnąć.',
      suggestion: () => 'Użyj dłuższego hasła: kilka niepowiązanych słów sprawdza się dobrze.',
    },
    CHECK_ERROR: { warning: () => 'Nie udało się sprawdzić hasła; spróbuj ponownie.' },
    ROTATED_PASSWORD: {
      warning: () => 'To Twoje stare hasło z drobną zmianą, np. nową liczbą: atakujący, którzy znają stare, próbują tego najpierw.',
      suggestion: () => 'Wybierz nowe hasło, które nie opiera się na starym.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Zbyt wiele kont w tej organizacji wybrało podobne hasło; atakujący próbują go tu wcześnie.',
      suggestion: () => 'Wybierz hasło oparte na innym, własnym słowie: zmiana cyfr, wielkości liter lub symboli nie wystarczy.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => 'Nie udało się połączyć ze sprawdzaniem popularnych haseł w organizacji; tego hasła nie sprawdzono.',
      suggestion: () => 'Spróbuj ponownie za chwilę.',
    },
  },
  fields: {
    // Accusative after „Zawiera”, with the possessive, which agrees with the noun.
    firstName: 'Twoje imię', lastName: 'Twoje nazwisko', username: 'Twoją nazwę użytkownika', email: 'Twój adres e-mail',
    tenantName: 'nazwę Twojej organizacji', displayName: 'Twoją nazwę wyświetlaną', extraTerms: 'Twoje dane',
  },
};
