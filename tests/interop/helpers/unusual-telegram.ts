// **unusual-telegram** holds a second, made-up telegram for the interop site: CRLF line ends and
// characters every serializer must escape or carry (CJK, Cyrillic, astral emoji, NBSP, tab,
// backslashes, quotes, `"""`, `'''`, `<`, `&`, `]]>`, U+2028), so that the external parsers read
// more than the ASCII of the first telegram. Not a real document: it lives only in temp folders.

/** File name without ".txt" under data/telegrams/ of the temporary data copy. */
export const UNUSUAL_TELEGRAM_SLUG = '1950-10-09-interop-unusual-characters';

const LINES = [
  '',
  '**Telegram from Ambassador N.V. Roshchin to Moscow, 9 October 1950 — «срочно»**',
  '',
  'CIPHERED TELEGRAM NO. 25401',
  '',
  'Top Secret.',
  '',
  '9 October 1950',
  '',
  'To: FILIPPOV [STALIN]',
  '',
  'Chou En-lai (周恩来) said: "a \\ backslash, a \\\\ pair & <tags> are\tfine" — 1\u00a0500 tanks 😀 and 200 aircraft.',
  'He added: """three quotes""" and \'\'\'three apostrophes\'\'\', then ]]> and a line\u2028separator.',
  'Mao Tse-tung (毛泽东) and Мао Цзэдун agreed on «two divisions».',
  '',
  'ROSHCHIN',
  '',
  'No. 2319',
  '9.10.50',
  '',
];

/** The telegram's text, with CRLF line ends. */
export const UNUSUAL_TELEGRAM_TEXT = LINES.join('\r\n');
