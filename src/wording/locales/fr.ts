import type { LocaleWording } from '../catalogue.js';
import { count } from '../plural.js';

const q = (s: unknown) => `« ${String(s ?? '')} »`;
const caracteres = (n: unknown) => count('fr', Number(n), { one: 'caractère', other: 'caractères' });

export const fr: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'Il ressemble trop à un mot interdit.' : 'C’est un mot interdit.')
        : p.distance ? `Il ressemble trop au mot interdit ${q(p.term)}.` : `Il contient le mot interdit ${q(p.term)}.`,
      suggestion: () => "Évitez les mots courants et les noms de l'organisation, même avec des symboles à la place des lettres.",
    },
    CONTEXT_TERM: {
      warning: (p) => `Il contient ${p.fieldName}.`,
      suggestion: () => "N'y mettez ni votre nom, ni votre nom d'utilisateur, ni votre adresse e-mail.",
    },
    BREACHED: {
      warning: () => 'Ce mot de passe figure dans une fuite de données : les attaquants l’essaient en premier.',
      suggestion: () => 'Choisissez un mot de passe que vous n’avez jamais utilisé ailleurs.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'Le service des mots de passe divulgués est injoignable : ce mot de passe n’a pas été comparé aux fuites connues.',
      suggestion: () => 'Réessayez dans un instant.',
    },
    BREACHED_RARE: {
      warning: () => 'Ce mot de passe figure dans une fuite de données, même rarement ; les attaquants peuvent l’essayer.',
      suggestion: () => 'Choisissez un mot de passe que vous n’avez jamais utilisé ailleurs.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'C’est surtout un mot courant à peine modifié : les attaquants l’essaient en premier.' : `Il contient trop peu d'éléments personnels : ${count('fr', Number(p.points), { one: 'point', other: 'points' })} sur les ${p.threshold} requis.`,
      suggestion: () => 'Ajoutez quelques mots ou caractères de votre choix.',
    },
    TOO_SHORT: {
      warning: (p) => `Il est trop court : utilisez au moins ${caracteres(p.min)}.`,
      suggestion: () => 'Quelques mots sans rapport forment un mot de passe long et facile à retenir.',
    },
    TOO_LONG: { warning: (p) => `Il est trop long : utilisez au plus ${caracteres(p.max)}.` },
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
      warning: (p) => (p.term === undefined ? 'Un seul mot courant est facile à deviner.' : `Un seul mot courant comme ${q(p.term)} est facile à deviner.`),
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
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Un attaquant qui essaie les mots courants à l’envers trouve ce mot de passe très tôt.'
        : p.kind === 'reflected-word' ? 'Un mot suivi de lui-même à l’envers fait partie des premiers essais des attaquants.'
        : p.kind === 'doubled-word' ? 'Un mot tapé deux fois fait partie des premiers essais des attaquants.'
        : p.kind === 'common-phrase' ? 'Des mots courants réunis en une phrase sont ce que les attaquants combinent en premier : une phrase connue ou banale tombe vite.'
        : p.kind === 'inserted-characters' ? 'Un mot courant avec des chiffres ou symboles glissés à l’intérieur fait partie des règles que les attaquants essaient.'
        : p.kind === 'each-character-twice' ? 'Chaque caractère tapé deux fois fait partie des règles que les attaquants essaient.'
        : p.kind === 'leaked-password-variant' ? 'Un mot de passe divulgué légèrement modifié (chiffres ajoutés, lettre doublée, écrit à l’envers) fait partie des premières choses que les attaquants essaient.'
        : p.kind === 'interleaved-run' ? 'Un mot avec une suite comme 1234 tapée entre ses lettres est un motif que les attaquants essaient.'
        : p.kind === 'digit-before-word' ? 'Un mot courant précédé d’un chiffre fait partie des premiers essais des attaquants.'
        : 'Ce mot de passe est facile à deviner.',
      suggestion: () => 'Allongez-le : plusieurs mots sans rapport fonctionnent bien.',
    },
    CHECK_ERROR: { warning: () => "Le mot de passe n'a pas pu être vérifié ; réessayez." },
    ROTATED_PASSWORD: {
      warning: () => "C'est votre ancien mot de passe avec une petite modification, comme un nouveau chiffre : les attaquants qui connaissent l'ancien essaient cela en premier.",
      suggestion: () => "Choisissez un nouveau mot de passe qui ne reprend pas l'ancien.",
    },
    POPULAR_PASSWORD: {
      warning: () => "Trop de comptes de cette organisation ont choisi un mot de passe semblable ; les attaquants l'essaient tôt ici.",
      suggestion: () => 'Choisissez un mot de passe bâti sur un autre mot à vous : changer ses chiffres, ses majuscules ou ses symboles ne suffit pas.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => "La vérification des mots de passe répandus dans l'organisation n'a pas pu être jointe ; ce mot de passe n'a pas été vérifié.",
      suggestion: () => 'Réessayez dans un instant.',
    },
  },
  fields: {
    // With the possessive, which agrees with the noun (votre nom, vos informations).
    firstName: 'votre prénom', lastName: 'votre nom', username: "votre nom d'utilisateur", email: 'votre adresse e-mail',
    tenantName: "le nom de votre organisation", displayName: 'votre nom', extraTerms: 'vos informations',
  },
};
