/**
 * Who may be handed a port to the core: only our renderer's main frame, at app://rapport/index.html
 * (any hash route) or the loopback dev server in development. The main-process suite checks that
 * main asks this for every port request.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, isTrustedSender } from './sender';

const trusted = { devServerUrl: 'http://localhost:5173/' };
const ownUrl = 'app://rapport/index.html#/contacts';

describe('the renderer main frame is the only trusted sender', () => {
  it('trusts our page on app://, any hash route, and the dev server origin', () => {
    expect(isTrustedRendererUrl(ownUrl, trusted)).toBe(true);
    expect(isTrustedRendererUrl('app://rapport/index.html?x=1#/trash', trusted)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/#/companies', trusted)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', {})).toBe(false);
  });

  it.each([
    ['a remote page', 'https://evil.example.com/'],
    ['a local file, even the renderer itself over file://', pathToFileURL(path.join(os.tmpdir(), 'index.html')).href],
    ['another page of app://rapport', 'app://rapport/other.html'],
    ['another app:// host', 'app://attacker/index.html'],
    ['another loopback port', 'http://localhost:5174/'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedRendererUrl(url, trusted)).toBe(false);
  });

  it('refuses a sub-frame of our own page and a destroyed frame', () => {
    expect(isTrustedSender({ url: ownUrl, parent: null }, trusted)).toBe(true);
    expect(isTrustedSender({ url: ownUrl, parent: { url: ownUrl } }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
    expect(isTrustedSender({ url: '' }, trusted)).toBe(false);
  });
});
