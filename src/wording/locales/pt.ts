import type { LocaleWording } from '../catalogue.js';
import { count, plural } from '../plural.js';

// Brazilian Portuguese (senha, usuário), understood in every Portuguese-speaking country.
const q = (s: unknown) => `“${String(s ?? '')}”`;
const caracteres = (n: unknown) => count('pt', Number(n), { one: 'caractere', other: 'caracteres' });

export const pt: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? 'É parecida demais com uma palavra proibida.' : 'É uma palavra proibida.')
        : p.distance ? `É parecida demais com a palavra proibida ${q(p.term)}.` : `Contém a palavra proibida ${q(p.term)}.`,
      suggestion: () => 'Evite palavras comuns e nomes desta organização, mesmo trocando letras por símbolos.',
    },
    CONTEXT_TERM: {
      warning: (p) => `Contém ${p.fieldName}.`,
      suggestion: () => 'Não use o seu nome, o seu nome de usuário nem o seu endereço de e-mail.',
    },
    BREACHED: {
      warning: () => 'Esta senha apareceu em um vazamento de dados, por isso os atacantes a testam primeiro.',
      suggestion: () => 'Escolha uma senha que você nunca tenha usado em nenhum outro lugar.',
    },
    BREACHED_UNCHECKED: {
      warning: () => 'Não foi possível contactar o serviço de senhas vazadas, por isso esta senha não foi comparada com vazamentos conhecidos.',
      suggestion: () => 'Tente novamente daqui a pouco.',
    },
    BREACHED_RARE: {
      warning: () => 'Esta senha apareceu num vazamento de dados, ainda que raramente; atacantes ainda podem testá-la.',
      suggestion: () => 'Escolha uma senha que você nunca tenha usado em nenhum outro lugar.',
    },
    LOW_SCORE: {
      warning: (p) =>
        p.plain ? 'É sobretudo uma palavra comum com poucas alterações: os atacantes tentam-na primeiro.' : `Pouco dela é seu: soma ${count('pt', Number(p.points), { one: 'ponto', other: 'pontos' })} ${plural('pt', Number(p.threshold), { one: `de ${p.threshold} necessário`, other: `dos ${p.threshold} necessários` })}.`,
      suggestion: () => 'Acrescente mais algumas palavras ou caracteres seus.',
    },
    TOO_SHORT: {
      warning: (p) => `É curta demais: use pelo menos ${caracteres(p.min)}.`,
      suggestion: () => 'Algumas palavras sem relação entre si formam uma senha longa e fácil de lembrar.',
    },
    TOO_LONG: { warning: (p) => `É longa demais: use no máximo ${caracteres(p.max)}.` },
    REPETITIVE: {
      warning: () => 'Caracteres ou blocos repetidos são fáceis de adivinhar.',
      suggestion: () => 'Evite caracteres e grupos repetidos.',
    },
    SEQUENTIAL: {
      warning: () => 'Sequências como 1234 ou abcd são fáceis de adivinhar.',
      suggestion: () => 'Evite sequências de letras ou números.',
    },
    KEYBOARD_WALK: {
      warning: () => 'Padrões de teclado como qwerty são fáceis de adivinhar.',
      suggestion: () => 'Evite fileiras e padrões de teclas vizinhas.',
    },
    DICTIONARY_WORD: {
      warning: (p) => (p.term === undefined ? 'Uma única palavra comum é fácil de adivinhar.' : `Uma única palavra comum como ${q(p.term)} é fácil de adivinhar.`),
      suggestion: () => 'Combine várias palavras sem relação entre si.',
    },
    DATE: {
      warning: (p) => (p.kind === 'year' ? 'Um ano é fácil de adivinhar.' : 'Datas são fáceis de adivinhar.'),
      suggestion: () => 'Evite anos e datas ligados a você.',
    },
    PREDICTABLE_AFFIX: {
      warning: () => 'Números ou símbolos acrescentados no início ou no fim são fáceis de adivinhar.',
      suggestion: () => 'Coloque os caracteres extras no meio ou acrescente outra palavra.',
    },
    PREDICTABLE_STRING: {
      warning: (p) =>
        p.shape === 'famous' ? 'É uma senha famosa, de filmes, jogos ou conselhos de segurança: os atacantes tentam-na cedo.'
        : p.shape === 'repeat' ? 'É a mesma coisa escrita duas vezes, o que quase nada acrescenta.'
        : p.shape === 'word-number' ? 'Parece um nome ou palavra com um número: uma forma que as pessoas escolhem a toda a hora.'
        : 'Parece-se com as sequências que as pessoas costumam escolher.',
      suggestion: () => 'Junte algumas palavras sem relação, ou deixe um gestor de senhas criar uma.',
    },
    WEAK: {
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'Quem testa palavras comuns de trás para a frente encontra esta senha logo.'
        : p.kind === 'reflected-word' ? 'Uma palavra seguida dela mesma de trás para a frente está entre as primeiras tentativas dos atacantes.'
        : p.kind === 'doubled-word' ? 'Uma palavra digitada duas vezes está entre as primeiras tentativas dos atacantes.'
        : p.kind === 'common-phrase' ? 'Palavras comuns juntadas numa frase são o que os atacantes combinam primeiro: uma frase conhecida ou do dia a dia cai cedo.'
        : p.kind === 'inserted-characters' ? 'Uma palavra comum com dígitos ou símbolos inseridos no meio está entre as regras que os atacantes tentam.'
        : p.kind === 'each-character-twice' ? 'Cada caractere digitado duas vezes está entre as regras que os atacantes tentam.'
        : p.kind === 'leaked-password-variant' ? 'Uma senha vazada com uma pequena alteração (dígitos acrescentados, uma letra repetida, escrita ao contrário) está entre as primeiras coisas que os atacantes tentam.'
        : p.kind === 'interleaved-run' ? 'Uma palavra com uma sequência como 1234 digitada entre as letras é um padrão que os atacantes tentam.'
        : p.kind === 'digit-before-word' ? 'Uma palavra comum com um dígito na frente está entre as primeiras tentativas dos atacantes.'
        : 'Esta senha é fácil de adivinhar.',
      suggestion: () => 'Use uma senha mais longa: várias palavras sem relação funcionam bem.',
    },
    CHECK_ERROR: { warning: () => 'Não foi possível verificar a senha; tente novamente.' },
    ROTATED_PASSWORD: {
      warning: () => 'É a sua senha antiga com uma pequena alteração, como um número novo: quem conhece a antiga tenta isto primeiro.',
      suggestion: () => 'Escolha uma senha nova que não seja baseada na antiga.',
    },
    POPULAR_PASSWORD: {
      warning: () => 'Muitas contas desta organização escolheram uma senha parecida; os atacantes a tentam cedo aqui.',
      suggestion: () => 'Escolha uma senha baseada em outra palavra sua: mudar os números, as maiúsculas ou os símbolos não basta.',
    },
    POPULARITY_UNCHECKED: {
      warning: () => 'Não foi possível consultar a verificação de senhas populares da organização; esta senha não foi verificada.',
      suggestion: () => 'Tente novamente em instantes.',
    },
  },
  fields: {
    // With article and possessive, which agree with the noun (o seu nome, os seus dados).
    firstName: 'o seu nome', lastName: 'o seu sobrenome', username: 'o seu nome de usuário', email: 'o seu endereço de e-mail',
    tenantName: 'o nome da sua organização', displayName: 'o seu nome', extraTerms: 'os seus dados',
  },
};
