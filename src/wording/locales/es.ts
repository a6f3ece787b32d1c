import type { LocaleWording } from '../catalogue.js';
import { count, plural } from '../plural.js';

const q = (s: unknown) => `«${String(s ?? '')}»`;
const caracteres = (n: unknown) => count('es', Number(n), { one: 'carácter', other: 'caracteres' });

export const es: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'Se parece demasiado a una palabra prohibida.' : 'Es una palabra prohibida.')
        : p.distance ? `Se parece demasiado a la palabra prohibida ${q(p.term)}.` : `Contiene la palabra prohibida ${q(p.term)}.`,
      suggestion: () => 'Evite palabras comunes y nombres de la organización, aunque cambie letras por símbolos.',
    },
    CONTEXT_TERM: {
      warning: (p) => `Contiene ${p.fieldName}.`,
      suggestion: () => 'No incluya su nombre, su nombre de usuario ni su correo electrónico.',
    },
    BREACHED: {
      warning: () => 'Esta contraseña apareció en una filtración de datos; los atacantes la prueban primero.',
      suggestion: () => 'Elija una contraseña que no haya usado en ningún otro sitio.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'No se pudo contactar con el servicio de contraseñas filtradas, así que esta contraseña no se comprobó frente a filtraciones conocidas.',
      suggestion: () => 'Inténtelo de nuevo en un momento.',
    },
    BREACHED_RARE: {
      warning: () => 'Esta contraseña ha aparecido en una filtración de datos, aunque pocas veces; los atacantes aún pueden probarla.',
      suggestion: () => 'Elija una contraseña que no haya usado en ningún otro sitio.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'Es sobre todo una palabra común con pocos cambios: los atacantes la prueban primero.' : `Tiene muy poco propio: ${p.points} de ${plural('es', Number(p.threshold), { one: `${p.threshold} punto necesario`, other: `los ${p.threshold} puntos necesarios` })}.`,
      suggestion: () => 'Añada algunas palabras o caracteres propios.',
    },
    TOO_SHORT: {
      warning: (p) => `Es demasiado corta: use al menos ${caracteres(p.min)}.`,
      suggestion: () => 'Varias palabras sin relación forman una contraseña larga y fácil de recordar.',
    },
    TOO_LONG: { warning: (p) => `Es demasiado larga: use como máximo ${caracteres(p.max)}.` },
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
      warning: (p) => (p.term === undefined ? 'Una sola palabra común es fácil de adivinar.' : `Una sola palabra común como ${q(p.term)} es fácil de adivinar.`),
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
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Quien prueba palabras comunes al revés encuentra esta contraseña enseguida.'
        : p.kind === 'reflected-word' ? 'Una palabra seguida de sí misma al revés es de lo primero que prueban los atacantes.'
        : p.kind === 'doubled-word' ? 'Una palabra escrita dos veces es de lo primero que prueban los atacantes.'
        : p.kind === 'common-phrase' ? 'Palabras comunes unidas en una frase son lo primero que combinan los atacantes: una frase conocida o cotidiana cae pronto.'
        : p.kind === 'inserted-characters' ? 'Una palabra común con dígitos o símbolos metidos dentro está entre las reglas que prueban los atacantes.'
        : p.kind === 'each-character-twice' ? 'Cada carácter escrito dos veces está entre las reglas que prueban los atacantes.'
        : p.kind === 'leaked-password-variant' ? 'Una contraseña filtrada con un pequeño cambio (dígitos añadidos, una letra repetida, escrita al revés) está entre lo primero que prueban los atacantes.'
        : p.kind === 'interleaved-run' ? 'Una palabra con una secuencia como 1234 intercalada entre sus letras es un patrón que prueban los atacantes.'
        : p.kind === 'digit-before-word' ? 'Una palabra común con un dígito delante es de lo primero que prueban los atacantes.'
        : 'Esta contraseña es fácil de adivinar.',
      suggestion: () => 'Use una contraseña más larga: varias palabras sin relación funcionan bien.',
    },
    CHECK_ERROR: { warning: () => 'No se pudo comprobar la contraseña; inténtelo de nuevo.' },
    ROTATED_PASSWORD: {
      warning: () => 'Es su contraseña anterior con un pequeño cambio, como un número nuevo: quien conozca la anterior probará esto primero.',
      suggestion: () => 'Elija una contraseña nueva que no se base en la anterior.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Demasiadas cuentas de esta organización eligieron una contraseña parecida; los atacantes la prueban pronto aquí.',
      suggestion: () => 'Elija una contraseña basada en otra palabra propia: cambiar sus números, mayúsculas o símbolos no basta.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => 'No se pudo consultar la comprobación de contraseñas frecuentes de la organización; esta contraseña no se comprobó.',
      suggestion: () => 'Inténtelo de nuevo en un momento.',
    },
  },
  fields: {
    // With the possessive, which agrees in number (su nombre, sus datos).
    firstName: 'su nombre', lastName: 'su apellido', username: 'su nombre de usuario', email: 'su correo electrónico',
    tenantName: 'el nombre de su organización', displayName: 'su nombre', extraTerms: 'sus datos',
  },
};
