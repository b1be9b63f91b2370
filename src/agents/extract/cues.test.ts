import { describe, expect, it } from 'vitest';
import { sellerNames } from './cues.js';

describe('sellerNames', () => {
  it('reads the name before the public suffix of each internal domain', () => {
    expect(sellerNames(['compraxis.es', 'mail.qirtas.ae', 'acme.co.uk'])).toEqual([
      'compraxis',
      'qirtas',
      'acme',
    ]);
    expect(sellerNames(['wagtailvet.com.au', 'get-foyer.io'])).toEqual(['wagtailvet', 'get-foyer']);
  });

  it('leaves out names too short to be told from a word, and repeats', () => {
    expect(sellerNames(['abc.com', 'acme.com', 'eu.acme.com', 'localhost'])).toEqual(['acme']);
  });
});
