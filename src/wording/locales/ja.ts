import type { LocaleWording } from '../catalogue.js';

// Japanese has no plural forms: counts take a counter (文字, ポイント) directly.
const q = (s: unknown) => `「${String(s ?? '')}」`;

export const ja: LocaleWording = {
  messages: {
    BANNED_TERM: {
      warning: (p) =>
        p.term === undefined ? (p.distance ? '禁止されている単語に似すぎています。' : '禁止されている単語です。')
        : p.distance ? `禁止されている単語${q(p.term)}に似すぎています。` : `禁止されている単語${q(p.term)}が含まれています。`,
      suggestion: () => 'よく使われる単語やこの組織の名前は、文字を記号に置き換えても使わないでください。',
    },
    CONTEXT_TERM: {
      warning: (p) => `${p.fieldName}が含まれています。`,
      suggestion: () => 'ご自分の名前、ユーザー名、メールアドレスを含めないでください。',
    },
    BREACHED: {
      warning: () => 'このパスワードはデータ漏えいで流出しているため、攻撃者が真っ先に試します。',
      suggestion: () => 'ほかのどこでも使ったことのないパスワードを選んでください。',
    },
    BREACHED_UNCHECKED: {
      warning: () => '漏えいパスワードの確認サービスに接続できなかったため、このパスワードは既知の漏えいと照合されていません。',
      suggestion: () => 'しばらくしてからもう一度お試しください。',
    },
    BREACHED_RARE: {
      warning: () => 'このパスワードはまれにですがデータ漏えいに含まれています。攻撃者が試す可能性があります。',
      suggestion: () => 'ほかのどこでも使ったことのないパスワードを選んでください。',
    },
    LOW_SCORE: {
      warning: (p) => p.plain ? 'ほとんどがよく使われる単語に少し手を加えただけで、攻撃者が最初に試す形です。' : `独自の部分が少なすぎます：必要な${p.threshold}ポイントのうち${p.points}ポイントしかありません。`,
      suggestion: () => '独自の単語や文字をいくつか加えてください。',
    },
    TOO_SHORT: {
      warning: (p) => `短すぎます：${p.min}文字以上にしてください。`,
      suggestion: () => '関係のない単語をいくつか組み合わせると、長くて覚えやすいパスワードになります。',
    },
    TOO_LONG: { warning: (p) => `長すぎます：${p.max}文字以内にしてください。` },
    REPETITIVE: {
      warning: () => '同じ文字やまとまりの繰り返しは推測されやすいです。',
      suggestion: () => '文字やまとまりを繰り返さないでください。',
    },
    SEQUENTIAL: {
      warning: () => '1234 や abcd のような連続した並びは推測されやすいです。',
      suggestion: () => '文字や数字の連続は避けてください。',
    },
    KEYBOARD_WALK: {
      warning: () => 'qwerty のようなキーボードの並びは推測されやすいです。',
      suggestion: () => '隣り合うキーの並びやパターンは避けてください。',
    },
    DICTIONARY_WORD: {
      warning: (p) => (p.term === undefined ? 'よく使われる単語ひとつだけでは推測されやすいです。' : `${q(p.term)}のようなよく使われる単語ひとつだけでは推測されやすいです。`),
      suggestion: () => '関係のない単語をいくつか組み合わせてください。',
    },
    DATE: {
      warning: (p) => (p.kind === 'year' ? '年は推測されやすいです。' : '日付は推測されやすいです。'),
      suggestion: () => 'ご自分に関係のある年や日付は避けてください。',
    },
    PREDICTABLE_AFFIX: {
      warning: () => '先頭や末尾に付け足した数字や記号は推測されやすいです。',
      suggestion: () => '追加の文字は途中に入れるか、単語をもう一つ加えてください。',
    },
    PREDICTABLE_STRING: {
      warning: (p) =>
        p.shape === 'famous' ? '映画やゲーム、パスワードの助言で有名なパスワードです。攻撃者は早い段階で試します。'
        : p.shape === 'repeat' ? '同じものを2回入力しているだけで、強さはほとんど増えません。'
        : p.shape === 'word-number' ? '名前や単語に数字を付けた形に見えます。多くの人が選ぶ形です。'
        : '人がよく選ぶ文字列に似ています。',
      suggestion: () => '関係のない単語をいくつか加えるか、パスワードマネージャーに作成させてください。',
    },
    WEAK: {
      // The cheapest attack, when an attack class named it (score/attacks/, issue 19).
      warning: (p) =>
        p.kind === 'reversed-word' ? 'よく使われる単語を逆から試す攻撃者は、このパスワードをすぐに見つけます。'
        : p.kind === 'reflected-word' ? '単語の後にその逆さ読みを続けた形は、攻撃者が最初に試すものの一つです。'
        : p.kind === 'doubled-word' ? '同じ単語を二回続けた形は、攻撃者が最初に試すものの一つです。'
        : p.kind === 'common-phrase' ? 'よく使われる単語をつなげたフレーズは、攻撃者が最初に組み合わせるものです。有名な文や日常的な文はすぐに見破られます。'
        : p.kind === 'inserted-characters' ? 'よく使われる単語の途中に数字や記号を挟んだ形は、攻撃者が試す規則の一つです。'
        : p.kind === 'each-character-twice' ? 'すべての文字を二回ずつ打った形は、攻撃者が試す規則の一つです。'
        : p.kind === 'leaked-password-variant' ? '流出したパスワードに小さな変更（数字の追加、文字の重複、逆さ書き）を加えたものは、攻撃者が最初に試すものの一つです。'
        : p.kind === 'interleaved-run' ? '単語の文字の間に 1234 のような連続を挟んだ形は、攻撃者が試すパターンです。'
        : p.kind === 'digit-before-word' ? 'よく使われる単語の前に数字を付けた形は、攻撃者が最初に試すものの一つです。'
        : 'このパスワードは推測されやすいです。',
      suggestion: () => 'もっと長いパスワードにしてください。関係のない単語をいくつか使うと効果的です。',
    },
    CHECK_ERROR: { warning: () => 'パスワードを確認できませんでした。もう一度お試しください。' },
    ROTATED_PASSWORD: {
      warning: () => '以前のパスワードに数字を変えるなどの小さな変更を加えただけです。以前のパスワードを知る攻撃者はまずこれを試します。',
      suggestion: () => '以前のパスワードを元にしない、新しいパスワードを選んでください。',
    },
    POPULAR_PASSWORD: {
      warning: () => 'この組織では似たパスワードを選んだアカウントが多すぎるため、攻撃者が早い段階で試します。',
      suggestion: () => '自分で選んだ別の単語をもとにしたパスワードにしてください。数字・大文字小文字・記号を変えるだけでは不十分です。',
    },
    POPULARITY_UNCHECKED: {
      warning: () => '組織内でよく使われるパスワードの確認に接続できなかったため、このパスワードは確認されていません。',
      suggestion: () => 'しばらくしてからもう一度お試しください。',
    },
  },
  fields: {
    firstName: '名', lastName: '姓', username: 'ユーザー名', email: 'メールアドレス',
    tenantName: '組織名', displayName: '表示名', extraTerms: '個人情報',
  },
};
