import type { LocaleWording } from '../catalogue.js';
import { count, plural, POINTS } from '../plural.js';

const q = (s: unknown) => `“${String(s ?? '')}”`;
const characters = (n: unknown) => count('en', Number(n), { one: 'character', other: 'characters' });

export const en: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'It is too close to a banned word.' : 'It is a banned word.')
        : p.distance ? `It is too close to the banned word ${q(p.term)}.` : `It contains the banned word ${q(p.term)}.`,
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
    BREACHED_UNCHECKED: {
      warning: () => 'The breached-password service could not be reached, so this password was not checked against known breaches.',
      suggestion: () => 'Try again in a moment.',
    },
    BREACHED_RARE: {
      warning: () => 'This password has appeared in a data breach, though rarely; attackers may still try it.',
      suggestion: () => 'Choose a password you have never used anywhere else.',
    },
    LOW_SCORE: {
      // `plain`: profiles other than entra say what the points rule found without its arithmetic.
      warning: (p) =>
        p.plain ? 'It is mostly a common word with a few changes, which attackers try first.' : `Too little of it is your own: it scores ${p.points} of the ${p.threshold} ${plural('en', Number(p.threshold), POINTS)} needed.`,
      suggestion: () => 'Add a few more words or characters of your own.',
    },
    TOO_SHORT: {
      warning: (p) => `It is too short: use at least ${characters(p.min)}.`,
      suggestion: () => 'A few unrelated words make a long password that is easy to remember.',
    },
    TOO_LONG: { warning: (p) => `It is too long: use at most ${characters(p.max)}.` },
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
      warning: (p) => (p.term === undefined ? 'A single common word is easy to guess.' : `A single common word such as ${q(p.term)} is easy to guess.`),
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
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'An attacker who tries common words backwards finds this early.'
        : p.kind === 'reflected-word' ? 'A word followed by itself backwards is among the first things attackers try.'
        : p.kind === 'doubled-word' ? 'A word typed twice is among the first things attackers try.'
        : p.kind === 'common-phrase' ? 'Common words joined into a phrase are what attackers combine first: a famous or everyday sentence falls early.'
        : p.kind === 'inserted-characters' ? 'A common word with digits or symbols slipped inside is among the rules attackers run.'
        : p.kind === 'each-character-twice' ? 'Every character typed twice is among the rules attackers run.'
        : p.kind === 'leaked-password-variant' ? 'A leaked password with a small change (digits added, a letter doubled, written backwards) is among the first things attackers try.'
        : p.kind === 'interleaved-run' ? 'A word with a run such as 1234 typed between its letters is a pattern attackers try.'
        : p.kind === 'digit-before-word' ? 'A common word with a digit in front is among the first things attackers try.'
        : 'This password is easy to guess.',
      suggestion: () => 'Use a longer password: several unrelated words work well.',
    },
    CHECK_ERROR: { warning: () => 'The password could not be checked; please try again.' },
    ROTATED_PASSWORD: {
      warning: () => 'It is your old password with a small change, such as a new number: attackers who know the old one try this first.',
      suggestion: () => 'Choose a new password that does not build on your old one.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Too many accounts in this organisation chose a password like this one, so attackers here try it early.',
      suggestion: () => 'Choose a password built on another word of your own: changing its numbers, case or symbols is not enough.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => "The organisation's popular-password check could not be reached, so this password was not checked against it.",
      suggestion: () => 'Try again in a moment.',
    },
  },
  fields: {
    firstName: 'first name', lastName: 'last name', username: 'user name', email: 'email address',
    tenantName: 'organisation name', displayName: 'name', extraTerms: 'details',
  },
};
