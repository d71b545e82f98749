import assert from 'node:assert/strict';
import { originFromFileName } from '../../../src/core/readers/zone/zone-names';

describe('originFromFileName', () => {
  it('reads the BIND naming conventions db.<zone>, <zone>.zone and <zone>.zonefile', () => {
    assert.equal(originFromFileName('db.example.com'), 'example.com');
    assert.equal(originFromFileName('/etc/bind/zones/DB.Shop.Example.co.jp'), 'shop.example.co.jp');
    assert.equal(originFromFileName('shop.example.co.jp.zone'), 'shop.example.co.jp');
    assert.equal(originFromFileName('C:\\zones\\example.net.zonefile'), 'example.net');
  });

  it('gives none for single-label or invalid names and for other files', () => {
    assert.equal(originFromFileName('db.local'), undefined);
    assert.equal(originFromFileName('example.zone'), undefined);
    assert.equal(originFromFileName('db.ts'), undefined);
    assert.equal(originFromFileName('db.bad..name'), undefined);
    assert.equal(originFromFileName('notes.txt'), undefined);
  });
});
