/**
 * Sensitive-word check on campaign text (title, fields, landing copy) before anything is sent.
 *
 * The word list is a text file (config/sensitive-words.txt) the caller reads and passes in, so this
 * rule stays free of I/O. Format, one entry a line:
 *   最佳        a banned word or phrase
 *   !第一次     an allowed phrase: a banned word found only inside it does not count
 *   # ...       a comment; blank lines are ignored
 *
 * Text and list are compared after the same normalisation, so 最 佳, ｆｕｌｌ-width letters and
 * digits (１００％有效), upper case, and separators slipped between characters (最*佳) all match.
 */
import { AppError } from '../reply';

// Zero-width characters and the separators people put between characters to dodge a filter.
const IGNORED = /[\s\u200b-\u200d\u2060\ufeff*·•_~|\-.]/gu;

/** NFKC folds full-width forms to half-width (Ａ→A, １→1, ％→%, the ideographic space → space). */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

export interface WordList {
  /** As written in the file, with its normalised form. */
  banned: { word: string; key: string }[];
  allowed: string[];
}

export function parseWordList(text: string): WordList {
  const banned: WordList['banned'] = [];
  const allowed: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const isAllowed = line.startsWith('!');
    const word = isAllowed ? line.slice(1).trim() : line;
    const key = normaliseForMatch(word);
    if (key === '') continue;
    if (isAllowed) allowed.push(key);
    else if (!banned.some((b) => b.key === key)) banned.push({ word, key });
  }
  return { banned, allowed };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** The banned words in `text`, as written in the list, in list order; [] when clean. */
export function findSensitiveWords(text: string, wordList: string | WordList): string[] {
  const list = typeof wordList === 'string' ? parseWordList(wordList) : wordList;
  const body = normaliseForMatch(text);
  const shelters = list.allowed.flatMap((phrase) => occurrences(body, phrase).map((start) => [start, start + phrase.length] as const));
  return list.banned
    .filter(({ key }) =>
      occurrences(body, key).some((start) => !shelters.some(([from, to]) => from <= start && start + key.length <= to)),
    )
    .map((b) => b.word);
}

/** For the campaign function: refuses content with banned words, naming them for the manager. */
export function assertNoSensitiveWords(texts: readonly string[], wordList: string | WordList): void {
  const list = typeof wordList === 'string' ? parseWordList(wordList) : wordList;
  const found = [...new Set(texts.flatMap((t) => findSensitiveWords(t, list)))];
  if (found.length > 0) throw new AppError('SENSITIVE_CONTENT', `内容含有违规词：${found.join('、')}，请修改后再发送`);
}
