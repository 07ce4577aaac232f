// carriesNumber (format 3.3): digits, or a number written in words.
import { describe, expect, it } from 'vitest';
import { carriesNumber } from '../../src/util/numbers.js';

describe('carriesNumber', () => {
  it.each([
    '3% of API calls failed.',
    '注文APIの3%が70分間失敗した。',
    'ユーザーの3割',
    'Errors rose x10 over baseline.',
    'Latency rose ×3.',
    'Orders failed for forty minutes.',
    'Errors doubled.',
    'Order emails arrived late for ４５ minutes.',
    '注文確認メールの３%が遅れて届いた。',
    'تأخرت ٣٠٪ من الرسائل.',
    'ईमेल ४५ मिनट देर से पहुँचे।',
    'An eighth of order emails arrived late.',
    'A seventh of shoppers saw errors.',
    'It failed for a ninth of shoppers.',
    'A fourth of requests timed out.',
  ])('finds a number in %s', (statement) => expect(carriesNumber(statement)).toBe(true));

  it.each([
    'Late in us-east-2.',
    'See → L1.',
    'AI-3 was late.',
    'The ec2 hosts failed.',
    'x86-64 hosts failed.',
    'The x2gd hosts failed.',
    'The ec２ hosts failed.',
  ])('finds none in %s, whose digits belong to an identifier', (statement) => expect(carriesNumber(statement)).toBe(false));
});
