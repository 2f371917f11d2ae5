import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dirs';
import { escapeHtml, pairPage } from './pair';
import { resolveStatic } from './static';

const tempDir = useTempDirs();

describe('static overlay files', () => {
  const base = tempDir('limelight-static-');
  const root = join(base, 'overlays');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'alerts.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'a.js'), '');
  writeFileSync(join(base, 'secret.json'), '{}');

  it('serves files inside the folder', () => {
    expect(resolveStatic(root, 'alerts.html')).toBe(join(root, 'alerts.html'));
    expect(resolveStatic(root, 'assets/a.js')).toBe(join(root, 'assets', 'a.js'));
  });

  it.each([
    '../secret.json',
    '..%2fsecret.json',
    '%2e%2e/secret.json',
    'assets/../../secret.json',
    '/etc/passwd',
    'a%00.html',
    '%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStatic(root, path)).toBeNull();
  });
});

describe('pairing page', () => {
  it('escapes what it shows', () => {
    expect(escapeHtml('<script>"&\'')).toBe('&#60;script&#62;&#34;&#38;&#39;');
    const page = pairPage('http://127.0.0.1:7420/pair?token=<b>', 'owner');
    expect(page).not.toContain('<b>');
    expect(pairPage('x', null)).toContain('not valid');
  });
});
