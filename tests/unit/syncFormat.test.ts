/** Pure building blocks of bundles: canonical JSON, byte encodings, the structural scan before JSON.parse. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError, childPath } from '../../shared/sync/bundleErrors';
import { canonicalJson, compareJsonValues } from '../../shared/sync/canonicalJson';
import { base64ToBytes, bytesToBase64, bytesToHex, formatFingerprint } from '../../shared/sync/encoding';
import { pathAt, scanJson } from '../../shared/sync/jsonScan';
import { parseBundleJson } from '../../shared/sync/bundleRead';

describe('canonicalJson', () => {
  it('sorts keys, drops whitespace and undefined members, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: 'x' }], e: undefined })).toBe('{"a":[3,{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ 'é': 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
    expect(canonicalJson([undefined, -0, 1e21, 'Кыргызстан'])).toBe('[null,0,1e+21,"Кыргызстан"]');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN cannot be written/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
  });

  it('is the same text for any key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed: unknown = JSON.parse(text);
        expect(canonicalJson(reparsed)).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(value, null, 2)))).toBe(text);
      }),
    );
  });

  it('orders values totally, absent first', () => {
    expect(compareJsonValues(undefined, '')).toBe(-1);
    expect(compareJsonValues(true, false)).toBe(1);
    expect(compareJsonValues({ en: 'a', ru: 'b' }, { ru: 'b', en: 'a' })).toBe(0);
  });
});

describe('encodings', () => {
  it('round-trips base64 and refuses anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(new Uint8Array(bytes));
      }),
    );
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab!=')).toBeNull();
    expect(base64ToBytes('a=bc')).toBeNull();
  });

  it('shows fingerprints as eight groups of four hex digits', () => {
    const digest = new Uint8Array(32).map((_, index) => index * 9);
    expect(bytesToHex(digest.subarray(0, 2))).toBe('0009');
    expect(formatFingerprint(digest)).toBe('0009 121B 242D 363F 4851 5A63 6C75 7E87');
  });
});

describe('jsonScan', () => {
  const error = (text: string): BundleError => {
    try {
      scanJson(text);
    } catch (caught) {
      if (caught instanceof BundleError) return caught;
      throw caught;
    }
    throw new Error('no error');
  };

  it('names the place of a forbidden key, also when it is spelled with escapes', () => {
    expect(error('{"a":[{"b":1},{"__proto__":{}}]}')).toMatchObject({ code: 'forbidden-key', path: '$.a[1].__proto__' });
    expect(error('{"x":{"\\u0063onstructor":1}}')).toMatchObject({ code: 'forbidden-key', path: '$.x.constructor' });
    expect(error('{"prototype":1}')).toMatchObject({ code: 'forbidden-key', path: '$.prototype' });
    // As a value, the word is harmless.
    expect(() => {
      scanJson('{"note":"__proto__","list":["constructor"]}');
    }).not.toThrow();
  });

  it('refuses deep nesting and over-long strings where they are', () => {
    expect(error(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`)).toMatchObject({ code: 'too-deep', path: `$.a${'[0]'.repeat(31)}` });
    expect(error(`{"a":{"b":"${'x'.repeat(1_000_001)}"}}`)).toMatchObject({ code: 'string-too-long', path: '$.a.b' });
  });

  it('sees a truncated file, inside a string or with brackets open', () => {
    expect(error('{"a":[1,2,{"b":"unfinish')).toMatchObject({ code: 'truncated', path: '$.a[2].b' });
    expect(error('{"a":[1,2,{"b":"x"}')).toMatchObject({ code: 'truncated', path: '$.a[2]' });
    expect(error('{"a":"he said \\"hi\\"')).toMatchObject({ code: 'truncated' });
  });

  it('turns a syntax error position into a path', () => {
    const text = '{"header":{"a":1 "b":2}}';
    expect(pathAt(text, text.indexOf('"b"'))).toBe('$.header.a');
    expect(() => parseBundleJson(text)).toThrow(/\$\.header\.a: the JSON is malformed \(line 1, column \d+\)/);
    expect(childPath('$', 'odd key')).toBe('$["odd key"]');
  });

  it('never throws anything but a BundleError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseBundleJson(text);
        } catch (caught) {
          expect(caught).toBeInstanceOf(BundleError);
        }
      }),
    );
  });
});

describe('canonicalJson with integer-like keys', () => {
  it('orders them as text, like every other key', () => {
    expect(canonicalJson({ b: 1, '10': 2, '9': 3 })).toBe('{"10":2,"9":3,"b":1}');
    expect(canonicalJson({ list: [{ '2': 'x', '1': 'y' }] })).toBe('{"list":[{"1":"y","2":"x"}]}');
  });
});

describe('recordLabel', () => {
  it('names any record by its most telling field, in both languages', async () => {
    const { recordLabel } = await import('../../shared/sync/recordLabel');
    expect(recordLabel({ id: 'd1', nameLatin: 'Bakyt Asanov', nameNative: 'Бакыт Асанов' })).toEqual({
      en: 'Bakyt Asanov (Бакыт Асанов)',
      ru: 'Bakyt Asanov (Бакыт Асанов)',
    });
    expect(recordLabel({ id: 'm1', title: { en: 'Second meeting', ru: '' } })).toEqual({ en: 'Second meeting', ru: 'Second meeting' });
    expect(recordLabel({ id: 'a1', heading: { en: '', ru: '' }, body: { en: 'x', ru: 'y' } })).toEqual({ en: 'a1', ru: 'a1' });
    expect(recordLabel({ id: 'c1', text: `${'long '.repeat(30)}\nsecond line` }).en).toMatch(/^long .{70,}…$/);
  });
});
